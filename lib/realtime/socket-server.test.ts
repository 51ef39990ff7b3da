import { afterEach, describe, expect, it } from "vitest";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { registerTestDatabase } from "@/test/db";
import { registerSocketServer } from "@/test/socket-server";
import { addMember, createMember, createSession, createSource, createUser, createWorkshop, viewerOf } from "@/test/factories";
import type { User } from "@/lib/generated/prisma/client";
import { removeMember } from "@/lib/members/remove-member";
import { disconnectMemberSockets } from "./hub";
import { presenceCount } from "./live-delivery";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";

const prisma = registerTestDatabase();

/** The small-room batching window, shortened from 10 s so the test can watch it end. */
const LIVE_WINDOW_MS = 1_500;
const server = registerSocketServer(() => allClients.forEach((client) => client.socket.disconnect()), { liveWindowMs: LIVE_WINDOW_MS });

// ---------- clients ----------

interface TestClient {
  socket: ClientSocket;
  /** Every event the server emitted to this client, in order. */
  events: { event: string; payload: unknown }[];
  /** Why the server disconnected it, once it has. */
  disconnectReason: string | null;
}

/** Every socket.io packet any client received (events, acks, connect and disconnect frames). */
const allFrames: unknown[] = [];
/** Ids, emails, names and session tokens of everyone taking part: none may reach a client. */
const secrets = new Set<string>();
const allClients: TestClient[] = [];
let clientsOfTest: TestClient[] = [];

afterEach(() => {
  for (const client of clientsOfTest) client.socket.disconnect();
  clientsOfTest = [];
});

function remember(user: User, token?: string) {
  for (const value of [user.id, user.email, user.name, token]) if (value) secrets.add(value);
}

/** A person with a valid session; returns the user and a cookie header for that session. */
async function person(expires?: Date) {
  const user = await createUser();
  const token = await createSession(user.id, expires);
  remember(user, token);
  return { user, cookie: `next-auth.session-token=${token}` };
}

function open(headers: Record<string, string>): TestClient {
  const socket = connectClient(server.url, {
    transports: ["websocket"],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  const client: TestClient = { socket, events: [], disconnectReason: null };
  socket.onAny((event: string, payload: unknown) => client.events.push({ event, payload }));
  socket.io.on("packet", (packet) => allFrames.push(packet));
  socket.on("disconnect", (reason) => (client.disconnectReason = reason));
  allClients.push(client);
  clientsOfTest.push(client);
  return client;
}

/** Resolves with the connection outcome: "connected", or the connect_error message. */
function outcome(client: TestClient): Promise<string> {
  return new Promise((resolve) => {
    if (client.socket.connected) return resolve("connected");
    client.socket.once("connect", () => resolve("connected"));
    client.socket.once("connect_error", (error) => resolve(`connect_error: ${error.message}`));
  });
}

async function connectAs(cookie: string): Promise<TestClient> {
  const client = open({ cookie, origin: server.origin });
  expect(await outcome(client)).toBe("connected");
  return client;
}

type AckResponse = { ok: true } | { ok: false; code: string; message: string };

function join(client: TestClient, payload: unknown): Promise<AckResponse> {
  return client.socket.timeout(3000).emitWithAck("workshop:join", payload) as Promise<AckResponse>;
}

async function until(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const presences = (client: TestClient, workshopId: string) =>
  client.events.filter((e) => e.event === "presence:count" && (e.payload as { workshopId: string }).workshopId === workshopId);
const lastCount = (client: TestClient, workshopId: string) =>
  (presences(client, workshopId).at(-1)?.payload as { count: number | null } | undefined)?.count;
/** null: "you and a few others" (two or three people). */
const waitForCount = (client: TestClient, workshopId: string, count: number | null) =>
  until(() => lastCount(client, workshopId) === count, `presence ${count} in ${workshopId}`);
const errorEvents = (client: TestClient) => client.events.filter((e) => e.event === "error:event").map((e) => e.payload);

/** A workshop with the given people as members. */
async function workshopWith(...users: User[]) {
  const workshop = await createWorkshop();
  for (const user of users) await addMember(workshop.id, user.id, "PARTICIPANT");
  return workshop;
}

// ---------- tests ----------

describe("handshake", () => {
  it("refuses a connection without a session cookie", async () => {
    expect(await outcome(open({ origin: server.origin }))).toBe("connect_error: UNAUTHENTICATED");
  });

  it("refuses an unknown session token", async () => {
    expect(await outcome(open({ origin: server.origin, cookie: "next-auth.session-token=forged" }))).toBe("connect_error: UNAUTHENTICATED");
  });

  it("refuses an expired session", async () => {
    const { cookie } = await person(new Date(Date.now() - 1000));
    expect(await outcome(open({ origin: server.origin, cookie }))).toBe("connect_error: UNAUTHENTICATED");
  });

  it("refuses another Origin, or none, even with a valid session", async () => {
    const { user, cookie } = await person();
    const foreign = await outcome(open({ origin: "http://evil.example", cookie }));
    const missing = await outcome(open({ cookie }));
    expect(foreign).toMatch(/^connect_error/);
    expect(missing).toMatch(/^connect_error/);
    expect([...server.io.sockets.sockets.values()].filter((socket) => socket.data.userId === user.id)).toEqual([]);
  });

  it("accepts a valid session from the app's origin (either cookie name)", async () => {
    const { cookie } = await person();
    await connectAs(cookie);
    await connectAs(cookie.replace("next-auth.session-token", "__Secure-next-auth.session-token"));
  });
});

describe("presence", () => {
  it("counts people, not tabs, and tells everyone in the workshop, with no exact number for two or three", async () => {
    const [a, b, c, d] = await Promise.all([person(), person(), person(), person()]);
    const workshop = await workshopWith(a.user, b.user, c.user, d.user);

    const aTab = await connectAs(a.cookie);
    expect(await join(aTab, { workshopId: workshop.id })).toEqual({ ok: true });
    await waitForCount(aTab, workshop.id, 1);

    const bTab = await connectAs(b.cookie);
    expect(await join(bTab, { workshopId: workshop.id })).toEqual({ ok: true });
    await waitForCount(aTab, workshop.id, null);
    await waitForCount(bTab, workshop.id, null);
    const cTab = await connectAs(c.cookie);
    expect(await join(cTab, { workshopId: workshop.id })).toEqual({ ok: true });
    await waitForCount(cTab, workshop.id, null);

    // A second tab of b: still three people. The newcomer is told the count; the others hear
    // nothing (four tabs would have shown 4).
    const bSecondTab = await connectAs(b.cookie);
    expect(await join(bSecondTab, { workshopId: workshop.id })).toEqual({ ok: true });
    await waitForCount(bSecondTab, workshop.id, null);
    // Closing one of two tabs leaves the person present: still nothing for the others.
    bSecondTab.socket.disconnect();
    // A fourth person is the positive control: the one message the others get is 4.
    const dTab = await connectAs(d.cookie);
    expect(await join(dTab, { workshopId: workshop.id })).toEqual({ ok: true });
    await waitForCount(aTab, workshop.id, 4);
    expect(presences(aTab, workshop.id).map((e) => (e.payload as { count: number | null }).count)).toEqual([1, null, 4]);

    // Leaving with the last tab does count.
    expect(await dTab.socket.timeout(3000).emitWithAck("workshop:leave", { workshopId: workshop.id })).toEqual({ ok: true });
    await waitForCount(aTab, workshop.id, null);
  });

  it("tells a crowd arriving together in a few messages, not one per arrival", async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => person()));
    const workshop = await workshopWith(...people.map((one) => one.user));
    const tabs = await Promise.all(people.map((one) => connectAs(one.cookie)));
    await Promise.all(tabs.map((tab) => join(tab, { workshopId: workshop.id })));
    await Promise.all(tabs.map((tab) => waitForCount(tab, workshop.id, 12)));
    const messages = tabs.reduce((sum, tab) => sum + presences(tab, workshop.id).length, 0);
    // One per arrival to everyone present would be 1 + 2 + … + 12 = 78.
    expect(messages).toBeLessThanOrEqual(3 * tabs.length);
  });

  it("gives the number once there are four people, and 'a few' again below", async () => {
    const people = await Promise.all([person(), person(), person(), person()]);
    const workshop = await workshopWith(...people.map((one) => one.user));
    const tabs = [];
    for (const one of people) {
      const tab = await connectAs(one.cookie);
      await join(tab, { workshopId: workshop.id });
      tabs.push(tab);
      await waitForCount(tab, workshop.id, presenceCount(tabs.length));
    }
    await waitForCount(tabs[0]!, workshop.id, 4);
    expect(presences(tabs[0]!, workshop.id).map((e) => (e.payload as { count: number | null }).count)).toEqual([1, null, 4]);
    tabs[3]!.socket.disconnect();
    await waitForCount(tabs[0]!, workshop.id, null);
  });

  it("keeps workshops apart", async () => {
    const a = await person();
    const b = await person();
    const first = await workshopWith(a.user);
    const second = await workshopWith(b.user);
    const aTab = await connectAs(a.cookie);
    const bTab = await connectAs(b.cookie);
    await join(aTab, { workshopId: first.id });
    await join(bTab, { workshopId: second.id });
    await waitForCount(bTab, second.id, 1);
    await waitForCount(aTab, first.id, 1);
    expect(presences(aTab, second.id)).toEqual([]);
    expect(presences(bTab, first.id)).toEqual([]);
  });
});

describe("live contributions", () => {
  /** Waits until just after a window boundary, so that a whole window lies ahead. */
  const startOfWindow = () => until(() => Date.now() % LIVE_WINDOW_MS < 100, "the start of a window", LIVE_WINDOW_MS + 500);
  const arrivals = (client: TestClient) => client.events.filter((e) => e.event === "annotation:upserted");

  async function roomOf(size: number) {
    const people = await Promise.all(Array.from({ length: size }, () => person()));
    const workshop = await workshopWith(...people.map((one) => one.user));
    const source = await createSource(workshop.id, { text: "Consent of the host state faded over the years." });
    const tabs: TestClient[] = [];
    for (const one of people) {
      const tab = await connectAs(one.cookie);
      await join(tab, { workshopId: workshop.id });
      tabs.push(tab);
    }
    await waitForCount(tabs[0]!, workshop.id, presenceCount(size));
    return { people, workshop, source, tabs };
  }

  it("reach a room of two only at the end of the clock-aligned window, several changes as one", async () => {
    const { people, workshop, source, tabs } = await roomOf(2);
    await startOfWindow();
    // Taken before the changes: two writes on a busy machine may end in the next window, whose
    // end is later still, whereas measured after them it could name that later window.
    const windowEnd = Date.now() - (Date.now() % LIVE_WINDOW_MS) + LIVE_WINDOW_MS;
    const created = await createAnnotation({ viewer: viewerOf(people[0]!.user), workshopId: workshop.id, sourceId: source.id, input: { start: 0, end: 7 } });
    await updateAnnotation({ viewer: viewerOf(people[0]!.user), workshopId: workshop.id, annotationId: created.id, input: { comment: "Edited at once", themeIds: [] } });
    await new Promise((resolve) => tabs[1]!.socket.once("annotation:upserted", resolve));
    expect(Date.now()).toBeGreaterThanOrEqual(windowEnd - 5);
    expect(arrivals(tabs[1]!)).toHaveLength(1);
    expect(arrivals(tabs[1]!)[0]!.payload).toMatchObject({ annotation: { id: created.id, comment: "Edited at once", mine: false } });
  });

  it("reach a room of four at once", async () => {
    const { people, workshop, source, tabs } = await roomOf(4);
    await startOfWindow();
    const created = await createAnnotation({ viewer: viewerOf(people[0]!.user), workshopId: workshop.id, sourceId: source.id, input: { start: 0, end: 7 } });
    await until(() => tabs.slice(1).every((tab) => arrivals(tab).length === 1), "the annotation in the three other tabs");
    expect(Date.now() % LIVE_WINDOW_MS).toBeLessThan(LIVE_WINDOW_MS - 200);
    expect(arrivals(tabs[3]!)[0]!.payload).toMatchObject({ annotation: { id: created.id } });
  });
});

describe("refusals", () => {
  it("answers a non-member's join with NOT_FOUND, an error event, and a disconnect", async () => {
    const member = await person();
    const stranger = await person();
    const workshop = await workshopWith(member.user);
    const memberTab = await connectAs(member.cookie);
    await join(memberTab, { workshopId: workshop.id });
    await waitForCount(memberTab, workshop.id, 1);

    const tab = await connectAs(stranger.cookie);
    const ack = await join(tab, { workshopId: workshop.id });
    expect(ack).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await until(() => tab.disconnectReason !== null, "the disconnect");
    expect(tab.disconnectReason).toBe("io server disconnect");
    expect(errorEvents(tab)).toEqual([{ code: "NOT_FOUND", message: (ack as { message: string }).message }]);
    expect(presences(tab, workshop.id)).toEqual([]);

    // An unknown workshop id gets the very same answer: ids reveal nothing.
    const again = await connectAs(stranger.cookie);
    expect(await join(again, { workshopId: "no-such-workshop" })).toEqual(ack);
    // The member saw nothing of this.
    expect(presences(memberTab, workshop.id).map((e) => e.payload)).toEqual([{ workshopId: workshop.id, count: 1 }]);
  });

  it.each([
    { case: "no workshopId", payload: {} },
    { case: "extra keys", payload: { workshopId: "w", userId: "u" } },
    { case: "a number", payload: 42 },
    { case: "a bare string", payload: "w" },
    { case: "null", payload: null },
    { case: "an empty id", payload: { workshopId: "" } },
    { case: "a 65-character id", payload: { workshopId: "w".repeat(65) } },
    { case: "a numeric id", payload: { workshopId: 7 } },
    { case: "a NUL character in the id", payload: { workshopId: "w\u0000x" } },
    { case: "an id with spaces and quotes", payload: { workshopId: "w' OR '1'='1" } },
  ])("answers a join with $case with BAD_REQUEST and stays up", async ({ payload }) => {
    const a = await person();
    const workshop = await workshopWith(a.user);
    const tab = await connectAs(a.cookie);
    expect(await join(tab, payload)).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    await until(() => errorEvents(tab).length === 1, "the error event");
    expect(errorEvents(tab)[0]).toMatchObject({ code: "BAD_REQUEST" });
    expect(tab.socket.connected).toBe(true);
    // The same socket can still join properly.
    expect(await join(tab, { workshopId: workshop.id })).toEqual({ ok: true });
  });

  it("answers malformed events sent without an acknowledgement callback", async () => {
    const a = await person();
    const tab = await connectAs(a.cookie);
    tab.socket.emit("workshop:join", { nope: true });
    tab.socket.emit("workshop:leave", 12);
    await until(() => errorEvents(tab).length === 2, "two error events");
    expect(errorEvents(tab).map((e) => (e as { code: string }).code)).toEqual(["BAD_REQUEST", "BAD_REQUEST"]);
    expect(tab.socket.connected).toBe(true);
  });
});

describe("a malformed acknowledgement", () => {
  it("is answered with BAD_REQUEST, without an unhandled rejection, when the ack slot holds a non-function", async () => {
    const a = await person();
    const tab = await connectAs(a.cookie);
    // Take over unhandled rejections for the duration of the test, so that one is a failed
    // assertion here rather than a crash report for the whole run.
    const previous = process.listeners("unhandledRejection");
    const rejections: unknown[] = [];
    process.removeAllListeners("unhandledRejection");
    process.on("unhandledRejection", (reason) => rejections.push(reason));
    try {
      // socket.io hands every trailing argument to the handler, so `ack` is 42 here.
      tab.socket.emit("workshop:join", {}, 42);
      tab.socket.emit("workshop:leave", {}, "not a function");
      await until(() => errorEvents(tab).length === 2 || rejections.length > 0, "an error event or a rejection");
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      process.removeAllListeners("unhandledRejection");
      for (const listener of previous) process.on("unhandledRejection", listener);
    }
    expect(rejections.map(String)).toEqual([]);
    expect(errorEvents(tab).map((e) => (e as { code: string }).code)).toEqual(["BAD_REQUEST", "BAD_REQUEST"]);
    expect(tab.socket.connected).toBe(true);
  });
});

describe("disconnectMemberSockets", () => {
  it("drops that member's sockets in that workshop; the others stay and see the count drop", async () => {
    const a = await person();
    const b = await person();
    const workshop = await workshopWith(a.user, b.user);
    const elsewhere = await workshopWith(b.user);

    const aTab = await connectAs(a.cookie);
    const bTabs = [await connectAs(b.cookie), await connectAs(b.cookie)];
    await join(aTab, { workshopId: workshop.id });
    for (const tab of bTabs) await join(tab, { workshopId: workshop.id });
    const bElsewhere = await connectAs(b.cookie);
    await join(bElsewhere, { workshopId: elsewhere.id });
    await waitForCount(aTab, workshop.id, null);
    await waitForCount(bElsewhere, elsewhere.id, 1);

    await disconnectMemberSockets(workshop.id, b.user.id);

    for (const tab of bTabs) {
      await until(() => tab.disconnectReason !== null, "b's tabs to be disconnected");
      expect(tab.events.filter((e) => e.event === "workshop:access-changed").map((e) => e.payload)).toEqual([{ workshopId: workshop.id }]);
    }
    await until(() => lastCount(aTab, workshop.id) === 1 || aTab.disconnectReason !== null, "a recount or a disconnect for a");
    expect(aTab.disconnectReason, "a member who was not concerned must stay connected").toBeNull();
    expect(aTab.events.filter((e) => e.event === "workshop:access-changed")).toEqual([]);
    expect(lastCount(aTab, workshop.id)).toBe(1);
    // B's page in another workshop is not concerned either.
    expect(bElsewhere.disconnectReason, "b's socket in another workshop must stay connected").toBeNull();
  });

  it("runs when a member is removed, and the removed member cannot rejoin", async () => {
    const organizer = await person();
    const removed = await person();
    const workshop = await workshopWith(removed.user);
    await addMember(workshop.id, organizer.user.id, "ORGANIZER");
    const organizerTab = await connectAs(organizer.cookie);
    const removedTab = await connectAs(removed.cookie);
    await join(organizerTab, { workshopId: workshop.id });
    await join(removedTab, { workshopId: workshop.id });
    await waitForCount(organizerTab, workshop.id, null);

    const membership = await prisma().membership.findFirstOrThrow({ where: { workshopId: workshop.id, userId: removed.user.id } });
    await removeMember({ viewer: viewerOf(organizer.user), workshopId: workshop.id, membershipId: membership.id });

    await until(() => removedTab.disconnectReason !== null, "the removed member's disconnect");
    await until(() => lastCount(organizerTab, workshop.id) === 1 || organizerTab.disconnectReason !== null, "a recount for the organizer");
    expect(organizerTab.disconnectReason, "the organizer who removed them must stay connected").toBeNull();
    expect(lastCount(organizerTab, workshop.id)).toBe(1);
    const rejoin = await connectAs(removed.cookie);
    expect(await join(rejoin, { workshopId: workshop.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("what reaches clients", () => {
  it("presence carries only { workshopId, count }, and no frame names anyone", async () => {
    const a = await person();
    const workshop = await workshopWith(a.user);
    // A co-member who is not connected: their identity must not travel either.
    const { user: absent } = await createMember(workshop.id, "PARTICIPANT");
    remember(absent);
    const aTab = await connectAs(a.cookie);
    await join(aTab, { workshopId: workshop.id });
    await waitForCount(aTab, workshop.id, 1);

    const presence = allClients.flatMap((client) => client.events.filter((e) => e.event === "presence:count"));
    expect(presence.length).toBeGreaterThan(10);
    for (const { payload } of presence) expect(Object.keys(payload as object).sort()).toEqual(["count", "workshopId"]);

    const received = JSON.stringify(allFrames);
    expect(allFrames.length).toBeGreaterThan(50);
    expect(secrets.size).toBeGreaterThan(20);
    const leaked = [...secrets].filter((secret) => received.includes(secret));
    expect(leaked).toEqual([]);
  });
});
