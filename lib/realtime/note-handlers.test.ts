import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import { registerTestDatabase } from "@/test/db";
import { registerSocketServer } from "@/test/socket-server";
import { addMember, createSession, createUser, createWorkshop, createWorkshopWithBlankNote, viewerOf } from "@/test/factories";
import { removeMember } from "@/lib/members/remove-member";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { signOffNote } from "@/lib/notes/sign-off";
import { changeWorkshopStatus } from "@/lib/workshops/change-workshop-status";
import { updateNoteSettings } from "@/lib/workshops/update-note-settings";
import { replaceNoteContent } from "@/lib/notes/apply-note-change";
import type { Role, WorkshopStatus } from "@/lib/generated/prisma/enums";
import { closeSocketServer, createSocketServer } from "./socket-server";
import { setRealtimeServer } from "./hub";

// Real socket.io clients against the real server and database: the note's sync, permissions,
// validation and awareness, and that nothing identifying anyone ever reaches a client.

const prisma = registerTestDatabase();

const server = registerSocketServer(() => allClients.forEach((client) => client.socket.disconnect()));

// ---------- clients and recording ----------

type TestClient = { socket: ClientSocket; events: { event: string; payload: unknown }[]; disconnectReason: string | null };

/** Every socket.io packet any client received (events, acks, binary attachments included). */
const allFrames: unknown[] = [];
/** Ids, emails, names and session tokens of everyone taking part: none may reach a client. */
const secrets = new Set<string>();
/** The Yjs client ids of the documents this file created: the only ones updates may carry. */
const ourClientIds = new Set<number>();
/** Updates handed to clients in join acks (note:update events are in each client's events). */
const joinUpdates: Uint8Array[] = [];
const allClients: TestClient[] = [];
let clientsOfTest: TestClient[] = [];

afterEach(() => {
  for (const client of clientsOfTest) client.socket.disconnect();
  clientsOfTest = [];
});

/** A person with a valid session, a member of the workshop with that role if one is given. */
async function person(workshopId?: string, role: Role = "PARTICIPANT") {
  const user = await createUser();
  const token = await createSession(user.id);
  for (const value of [user.id, user.email, user.name, token]) if (value) secrets.add(value);
  if (workshopId) await addMember(workshopId, user.id, role);
  return { user, cookie: `next-auth.session-token=${token}` };
}

async function connectAs(cookie: string): Promise<TestClient> {
  const socket = connectClient(server.url, { transports: ["websocket"], extraHeaders: { cookie, origin: server.origin }, reconnection: false, forceNew: true });
  const client: TestClient = { socket, events: [], disconnectReason: null };
  socket.onAny((event: string, payload: unknown) => client.events.push({ event, payload }));
  socket.io.on("packet", (packet) => allFrames.push(packet));
  socket.on("disconnect", (reason) => (client.disconnectReason = reason));
  allClients.push(client);
  clientsOfTest.push(client);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
  return client;
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
/** For "nothing else arrives": a bounded wait, always after a positive control. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

type Refusal = { ok: false; code: string; message: string };
type Ack = { ok: true } | Refusal;
type JoinAck = { ok: true; canEdit: boolean; update: Uint8Array; stateVector: Uint8Array; awareness: Uint8Array } | Refusal;

const emitAck = <T,>(client: TestClient, event: string, payload: unknown): Promise<T> =>
  client.socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;

/** Joins the note with the document's state vector and applies what the server sends back. */
async function joinNote(client: TestClient, workshopId: string, doc: Y.Doc): Promise<JoinAck> {
  const ack = await emitAck<JoinAck>(client, "note:join", { workshopId, stateVector: Y.encodeStateVector(doc) });
  if (ack.ok) {
    joinUpdates.push(ack.update);
    Y.applyUpdate(doc, ack.update);
  }
  return ack;
}
const sendUpdate = (client: TestClient, workshopId: string, update: unknown) => emitAck<Ack>(client, "note:update", { workshopId, update });
const leaveNote = (client: TestClient, workshopId: string) => emitAck<Ack>(client, "note:leave", { workshopId });

const newDoc = (doc = new Y.Doc()) => (ourClientIds.add(doc.clientID), doc);
/** Changes the document and returns just that change, as an editor sends it. */
function edit(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc.getXmlFragment("default"));
  return Y.encodeStateAsUpdate(doc, before);
}
const addParagraph = (text: string) => (fragment: Y.XmlFragment) => {
  const paragraph = new Y.XmlElement("paragraph");
  fragment.push([paragraph]);
  paragraph.insert(0, [new Y.XmlText(text)]);
};
const appendText = (text: string) => (fragment: Y.XmlFragment) => {
  const last = (fragment.get(fragment.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
  last.insert(last.length, text);
};
const noteText = (doc: Y.Doc) => doc.getXmlFragment("default").toString();

/** Binary arrives in Node as Buffer (a Uint8Array) or ArrayBuffer. */
const bytes = (value: unknown) => (value instanceof ArrayBuffer ? new Uint8Array(value) : (value as Uint8Array));
const framesOf = (client: TestClient, event: string) =>
  client.events.filter((e) => e.event === event).map((e) => e.payload as { workshopId: string; update: unknown });
const noteUpdates = (client: TestClient) => framesOf(client, "note:update").map((p) => bytes(p.update));
const errorCodes = (client: TestClient) =>
  client.events.filter((e) => e.event === "error:event").map((e) => (e.payload as Refusal).code);

/** What the database holds of the note: log rows, compacted state, and the text they make. */
async function stored(workshopId: string) {
  const include = { updates: { orderBy: { seq: "asc" as const } } };
  const note = await prisma().meetingNote.findUnique({ where: { workshopId }, include });
  const doc = new Y.Doc();
  for (const part of [note?.yState, ...(note?.updates ?? []).map((row) => row.update)]) if (part) Y.applyUpdate(doc, part);
  return { exists: !!note, rows: note?.updates.length ?? 0, yState: note?.yState ?? null, text: noteText(doc) };
}

/** Members with these roles, each connected, with its own document, and joined to the note. */
async function editors(workshopId: string, ...roles: Role[]) {
  const result = [];
  for (const role of roles) {
    const { user, cookie } = await person(workshopId, role);
    const tab = await connectAs(cookie);
    const doc = newDoc();
    result.push({ user, cookie, tab, doc, ack: await joinNote(tab, workshopId, doc) });
  }
  return result;
}

const ROLES: Role[] = ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"];
const STATUSES: WorkshopStatus[] = ["OPEN", "CLOSED", "ARCHIVED"];

// ---------- tests ----------

describe("sync between editors", () => {
  it("shares an edit with the other editor, stores it, and gives it to a later joiner", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const [a, b] = await editors(id, "PARTICIPANT", "RAPPORTEUR");
    expect([a.ack, b.ack]).toMatchObject([{ ok: true, canEdit: true }, { ok: true, canEdit: true }]);

    expect(await sendUpdate(a.tab, id, edit(a.doc, addParagraph("Mandates were too broad.")))).toEqual({ ok: true });
    await until(() => noteUpdates(b.tab).length === 1, "b to receive the update");
    Y.applyUpdate(b.doc, noteUpdates(b.tab)[0]);
    expect(noteText(b.doc)).toBe("<paragraph>Mandates were too broad.</paragraph>");
    // The sender gets the merged frame too (it ignores what it has).
    await until(() => noteUpdates(a.tab).length === 1, "a's own echo");
    // Acknowledged means stored: the log row is there before anyone leaves.
    expect(await stored(id)).toMatchObject({ rows: 1, text: noteText(a.doc) });

    // A later joiner with an empty document gets everything in its join ack.
    const [c] = await editors(id, "OBSERVER");
    expect(c.ack).toMatchObject({ ok: true, canEdit: false });
    expect(noteText(c.doc)).toBe(noteText(a.doc));

    // When the last one leaves, the log is folded into the compacted state.
    for (const tab of [a.tab, b.tab, c.tab]) expect(await leaveNote(tab, id)).toEqual({ ok: true });
    const after = await stored(id);
    expect(after).toMatchObject({ rows: 0, text: "<paragraph>Mandates were too broad.</paragraph>" });
    expect(after.yState).not.toBeNull();
  });

  it("four members opening a new workshop's note at once all join it, each from the template", async () => {
    const workshop = await createWorkshop();
    const tabs = [];
    for (let index = 0; index < 4; index += 1) tabs.push((await connectAs((await person(workshop.id, "PARTICIPANT")).cookie)));
    const docs = tabs.map(() => newDoc());
    const acks = await Promise.all(tabs.map((tab, index) => joinNote(tab, workshop.id, docs[index]!)));
    expect(acks.map((ack) => ack.ok)).toEqual([true, true, true, true]);
    expect(new Set(docs.map(noteText)).size).toBe(1);
    expect(noteText(docs[0]!)).toContain("<heading");
    // The template was written by the server from a fresh document: a random client id of its
    // own, which stands for nobody (the scan at the end accepts it, and only it).
    const templateIds = [...Y.decodeStateVector(Y.encodeStateVector(docs[0]!)).keys()];
    expect(templateIds.filter((client) => ourClientIds.has(client))).toEqual([]);
    templateIds.forEach((client) => ourClientIds.add(client));
  });

  it("lets a client that was offline catch up both ways with its state vector", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const [a, b] = await editors(id, "PARTICIPANT", "PARTICIPANT");
    expect(await sendUpdate(a.tab, id, edit(a.doc, addParagraph("First.")))).toEqual({ ok: true });
    await until(() => noteUpdates(b.tab).length === 1, "b to receive the first edit");
    Y.applyUpdate(b.doc, noteUpdates(b.tab)[0]);

    // B goes offline; both keep writing.
    b.tab.socket.disconnect();
    expect(await sendUpdate(a.tab, id, edit(a.doc, addParagraph("From A.")))).toEqual({ ok: true });
    edit(b.doc, appendText(" From B offline."));

    const bTab = await connectAs(b.cookie);
    const ack = await joinNote(bTab, id, b.doc);
    if (!ack.ok) throw new Error(`join refused: ${ack.code}`);
    const seenByA = noteUpdates(a.tab).length;
    expect(await sendUpdate(bTab, id, Y.encodeStateAsUpdate(b.doc, ack.stateVector))).toEqual({ ok: true });
    await until(() => noteUpdates(a.tab).length > seenByA, "a to receive b's offline edit");
    for (const update of noteUpdates(a.tab).slice(seenByA)) Y.applyUpdate(a.doc, update);
    expect(noteText(a.doc)).toBe("<paragraph>First. From B offline.</paragraph><paragraph>From A.</paragraph>");
    expect(noteText(b.doc)).toBe(noteText(a.doc));
  });
});

describe("authorization", () => {
  const matrix = STATUSES.flatMap((status) => ROLES.map((role) => ({ role, status, canEdit: status === "OPEN" && role !== "OBSERVER" })));

  it.each(matrix)("$role in a $status workshop: may read; may edit: $canEdit", async ({ role, status, canEdit }) => {
    const { id } = await createWorkshopWithBlankNote({ status });
    const [m] = await editors(id, role);
    expect(m.ack).toMatchObject({ ok: true, canEdit });
    const ack = await sendUpdate(m.tab, id, edit(m.doc, addParagraph(`${role} wrote this`)));
    if (canEdit) expect(ack).toEqual({ ok: true });
    else {
      expect(ack).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(errorCodes(m.tab)).toEqual(["FORBIDDEN"]);
    }
    expect(await leaveNote(m.tab, id)).toEqual({ ok: true });
    const note = await stored(id);
    expect(note.text).toBe(canEdit ? `<paragraph>${role} wrote this</paragraph>` : "");
    if (!canEdit) expect(note).toMatchObject({ rows: 0, yState: null });
  });

  it("answers a non-member, a member elsewhere and an unknown id alike; refuses updates before joining", async () => {
    const { id } = await createWorkshop();
    const other = await createWorkshop();
    const stranger = await connectAs((await person()).cookie);
    const elsewhere = await connectAs((await person(other.id, "ORGANIZER")).cookie);
    const refusals: JoinAck[] = [];
    for (const tab of [stranger, elsewhere]) {
      refusals.push(await joinNote(tab, id, newDoc()));
      // Not joined, so an update is refused before anything else is looked at.
      const update = edit(newDoc(), addParagraph("intrusion"));
      expect(await sendUpdate(tab, id, update)).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    }
    refusals.push(await joinNote(stranger, "no-such-workshop", newDoc()));
    expect(refusals[0]).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(refusals).toEqual([refusals[0], refusals[0], refusals[0]]);
    // A member who has not joined the note yet is refused as well.
    const member = await connectAs((await person(id)).cookie);
    expect(await sendUpdate(member, id, edit(newDoc(), addParagraph("too early")))).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(errorCodes(member)).toEqual(["BAD_REQUEST"]);
    expect(await stored(id)).toMatchObject({ exists: false });
  });

  it("re-checks the workshop's status after it changes: closing it stops an open editor", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const [organizer, a, observer] = await editors(id, "ORGANIZER", "PARTICIPANT", "OBSERVER");
    expect(await sendUpdate(a.tab, id, edit(a.doc, addParagraph("Before closing.")))).toEqual({ ok: true });
    await until(() => noteUpdates(observer.tab).length === 1, "the observer to see the first edit");

    await changeWorkshopStatus({ viewer: viewerOf(organizer.user), workshopId: id, status: "CLOSED" });
    expect(await sendUpdate(a.tab, id, edit(a.doc, appendText(" After.")))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await settle();
    expect(noteUpdates(observer.tab)).toHaveLength(1);
    expect(await stored(id)).toMatchObject({ rows: 1, text: "<paragraph>Before closing.</paragraph>" });
  });
});

describe("access remembered per socket (no lookup per update), forgotten as soon as it changes", () => {
  const revocations = [
    {
      change: "the note signed off",
      revoke: (workshopId: string, organizer: { user: Parameters<typeof viewerOf>[0] }) => signOffNote({ viewer: viewerOf(organizer.user), workshopId, locale: "en" }),
    },
    {
      change: "participants no longer edit the note",
      revoke: (workshopId: string, organizer: { user: Parameters<typeof viewerOf>[0] }) =>
        updateNoteSettings({ viewer: viewerOf(organizer.user), workshopId, input: { participantsEditNote: false } }),
    },
    {
      change: "the workshop archived",
      revoke: (workshopId: string, organizer: { user: Parameters<typeof viewerOf>[0] }) => changeWorkshopStatus({ viewer: viewerOf(organizer.user), workshopId, status: "ARCHIVED" }),
    },
  ];

  it.each(revocations)("$change: the participant's next update is refused and not stored", async ({ revoke }) => {
    const { id } = await createWorkshopWithBlankNote();
    const [organizer, participant] = await editors(id, "ORGANIZER", "PARTICIPANT");
    // Several accepted updates: the answer is remembered and used between them.
    for (const word of ["One.", "Two.", "Three."]) expect(await sendUpdate(participant.tab, id, edit(participant.doc, addParagraph(word)))).toEqual({ ok: true });

    await revoke(id, organizer);
    expect(await sendUpdate(participant.tab, id, edit(participant.doc, addParagraph("After.")))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await stored(id)).text).not.toContain("After.");
  });

  it.each(["removed", "made an observer"])("a member %s: an update sent right after is neither stored nor shared", async (change) => {
    const { id } = await createWorkshopWithBlankNote();
    const [organizer, member] = await editors(id, "ORGANIZER", "PARTICIPANT");
    expect(await sendUpdate(member.tab, id, edit(member.doc, addParagraph("Before.")))).toEqual({ ok: true });
    const membership = await prisma().membership.findFirstOrThrow({ where: { workshopId: id, userId: member.user.id } });
    const viewer = viewerOf(organizer.user);
    if (change === "removed") await removeMember({ viewer, workshopId: id, membershipId: membership.id });
    else await changeMemberRole({ viewer, workshopId: id, membershipId: membership.id, role: "OBSERVER" });

    const answers: unknown[] = [];
    member.tab.socket.emit("note:update", { workshopId: id, update: edit(member.doc, addParagraph("After.")) }, (answer: unknown) => answers.push(answer));
    await until(() => member.tab.disconnectReason !== null, "the member's socket to be dropped");
    // The organizer's next change arrives; the member's never did.
    expect(await sendUpdate(organizer.tab, id, edit(organizer.doc, addParagraph("Organizer.")))).toEqual({ ok: true });
    await until(() => noteUpdates(organizer.tab).length >= 2, "the organizer's own change to come back");
    expect(answers.filter((answer) => (answer as Ack).ok)).toEqual([]);
    expect((await stored(id)).text).not.toContain("After.");
    expect(noteUpdates(organizer.tab).map((update) => new TextDecoder().decode(update)).join("")).not.toContain("After.");
  });
});

describe("changes made outside the editor", () => {
  it("replaceNoteContent reaches a connected editor through the open room, as one stored change", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const [a] = await editors(id, "RAPPORTEUR");
    expect(await sendUpdate(a.tab, id, edit(a.doc, addParagraph("Draft.")))).toEqual({ ok: true });
    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Restored version." }] }] };
    await until(() => noteUpdates(a.tab).length === 1, "the editor's own change to come back");
    await replaceNoteContent(id, content);
    await until(() => noteUpdates(a.tab).length === 2, "the change to reach the editor");
    const [, change] = noteUpdates(a.tab);
    Y.applyUpdate(a.doc, change!);
    expect(noteText(a.doc)).toBe("<paragraph>Restored version.</paragraph>");
    // The server wrote this change from a fresh document: a random client id of its own, new
    // for each change, which stands for nobody (the scan at the end accepts it, and only it).
    const serverIds = new Set(Y.decodeUpdate(change!).structs.map((struct) => struct.id.client));
    expect([...serverIds].filter((client) => ourClientIds.has(client))).toEqual([]);
    serverIds.forEach((client) => ourClientIds.add(client));
    expect(await stored(id)).toMatchObject({ rows: 2, text: "<paragraph>Restored version.</paragraph>" });
  });
});

describe("leaving", () => {
  it("removing a member drops a socket that only opened the note: no more live text or carets", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const [organizer, removed] = await editors(id, "ORGANIZER", "PARTICIPANT");
    const membership = await prisma().membership.findFirstOrThrow({ where: { workshopId: id, userId: removed.user.id } });

    await removeMember({ viewer: viewerOf(organizer.user), workshopId: id, membershipId: membership.id });

    await until(() => removed.tab.disconnectReason !== null, "the removed member's socket to be dropped");
    expect(await sendUpdate(organizer.tab, id, edit(organizer.doc, addParagraph("After the removal.")))).toEqual({ ok: true });
    await settle();
    expect(noteUpdates(removed.tab)).toEqual([]);
  });

  it("a server shutting down stores the open notes first: nothing typed is lost", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const { cookie } = await person(id);
    // A server of its own, since this one is shut down with an editor still in the note.
    const ownServer = http.createServer();
    await new Promise<void>((resolve) => ownServer.listen(0, "127.0.0.1", resolve));
    const { port } = ownServer.address() as AddressInfo;
    const io = createSocketServer(ownServer, { allowedOrigins: [`http://localhost:${port}`] });
    try {
      const socket = connectClient(`http://127.0.0.1:${port}`, {
        transports: ["websocket"],
        extraHeaders: { cookie, origin: `http://localhost:${port}` },
        reconnection: false,
        forceNew: true,
      });
      await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
      const doc = newDoc();
      const joined = await socket.timeout(5000).emitWithAck("note:join", { workshopId: id, stateVector: Y.encodeStateVector(doc) });
      expect(joined).toMatchObject({ ok: true, canEdit: true });
      const update = edit(doc, addParagraph("Typed just before the shutdown."));
      expect(await socket.timeout(5000).emitWithAck("note:update", { workshopId: id, update })).toEqual({ ok: true });

      await closeSocketServer(io);

      expect(socket.connected).toBe(false);
      const note = await stored(id);
      expect(note).toMatchObject({ rows: 0, text: "<paragraph>Typed just before the shutdown.</paragraph>" });
      const content = await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: id }, select: { content: true } });
      expect(JSON.stringify(content.content)).toContain("Typed just before the shutdown.");
    } finally {
      setRealtimeServer(server.io as never);
      if (ownServer.listening) ownServer.close();
    }
  });

  it("a socket that disconnects while joining does not keep the room open: the note is still stored and compacted", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const { cookie } = await person(id);
    const quitter = await connectAs(cookie);
    // Hold the access check up, so that the disconnect arrives while the join waits for it.
    const held = prisma().$transaction(async (tx) => {
      await tx.$executeRawUnsafe('LOCK TABLE "Membership" IN ACCESS EXCLUSIVE MODE');
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    quitter.socket.emit("note:join", { workshopId: id, stateVector: Y.encodeStateVector(new Y.Doc()) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    quitter.socket.disconnect();
    await held;

    const [a] = await editors(id, "PARTICIPANT");
    expect(await sendUpdate(a.tab, id, edit(a.doc, addParagraph("Kept.")))).toEqual({ ok: true });
    expect(await leaveNote(a.tab, id)).toEqual({ ok: true });
    // The last one out stores the room: the log is folded into the state.
    const note = await stored(id);
    expect(note).toMatchObject({ rows: 0, text: "<paragraph>Kept.</paragraph>" });
    expect(note.yState).not.toBeNull();
  });
});

describe("validation", () => {
  it("refuses malformed payloads with BAD_REQUEST, and a large paste with PAYLOAD_TOO_LARGE", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const tab = await connectAs((await person(id)).cookie);
    const extraKey = { workshopId: id, stateVector: new Uint8Array([0]), userId: "u" };
    for (const payload of [{}, { workshopId: id }, { workshopId: id, stateVector: "AA==" }, extraKey, null]) {
      expect(await emitAck(tab, "note:join", payload), JSON.stringify(payload)).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    }
    const doc = newDoc();
    await joinNote(tab, id, doc);
    const [b] = await editors(id, "PARTICIPANT");

    const badUpdates = {
      "no update": { workshopId: id },
      "update as a number": { workshopId: id, update: 42 },
      "update as a string": { workshopId: id, update: "AAAA" },
      "update as an array": { workshopId: id, update: [0, 0] },
      "not a Yjs update": { workshopId: id, update: new Uint8Array([255, 255, 255, 255, 1, 2, 3]) },
      // Fits in one frame, but over the 1 MB the event schema allows.
      "just over 1 MB": { workshopId: id, update: new Uint8Array(1024 * 1024 + 1) },
    };
    for (const [name, payload] of Object.entries(badUpdates)) {
      expect(await emitAck(tab, "note:update", payload), name).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    }
    const paste = edit(newDoc(), addParagraph("a".repeat(600 * 1024)));
    const tooLarge = { ok: false, code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("Paste less") };
    expect(await sendUpdate(tab, id, paste)).toMatchObject(tooLarge);

    // Positive control: a proper edit after all that arrives alone, and is all that is stored.
    expect(await sendUpdate(tab, id, edit(doc, addParagraph("Valid.")))).toEqual({ ok: true });
    await until(() => noteUpdates(b.tab).length > 0, "b to receive the valid edit");
    await settle();
    expect(noteUpdates(b.tab)).toHaveLength(1);
    expect(await stored(id)).toMatchObject({ rows: 1, text: "<paragraph>Valid.</paragraph>" });
    expect(tab.socket.connected).toBe(true);
  });

  it("answers a malformed state vector with BAD_REQUEST and keeps the socket outside the room", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const [b] = await editors(id, "PARTICIPANT");
    const tab = await connectAs((await person(id)).cookie);
    const ack = await emitAck<JoinAck>(tab, "note:join", { workshopId: id, stateVector: new Uint8Array([5, 1]) });
    expect(ack).toEqual({ ok: false, code: "BAD_REQUEST", message: "note:join needs a valid state vector" });
    const update = edit(newDoc(), addParagraph("Sent without joining."));
    expect(await sendUpdate(tab, id, update)).toEqual({ ok: false, code: "BAD_REQUEST", message: expect.stringContaining("note:join") });
    // Positive control: the member who joined properly is heard, and only they are.
    expect(await sendUpdate(b.tab, id, edit(b.doc, addParagraph("Joined properly.")))).toEqual({ ok: true });
    await until(() => noteUpdates(b.tab).length > 0, "the room to share the proper edit");
    await settle();
    expect(noteUpdates(tab)).toHaveLength(0);
    expect(await stored(id)).toMatchObject({ rows: 1, text: "<paragraph>Joined properly.</paragraph>" });
  });

  it("refuses to open a note that another server holds, saying so, and keeps the socket outside", async () => {
    const { id } = await createWorkshop();
    const note = await prisma().meetingNote.create({
      data: { workshopId: id, roomLeaseToken: "another-process", roomLeaseUntil: new Date(Date.now() + 30_000) },
    });
    const warnings: string[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((line: string) => void warnings.push(line));
    const { user, cookie } = await person(id);
    const tab = await connectAs(cookie);
    try {
      expect(await joinNote(tab, id, newDoc())).toEqual({
        ok: false,
        code: "UNAVAILABLE",
        message: "This note is open on another server; try again in a moment.",
      });
    } finally {
      warn.mockRestore();
    }
    expect(warnings.some((line) => line.includes("open on another server"))).toBe(true);
    expect(warnings.join("\n")).not.toContain(user.id);
    expect(await sendUpdate(tab, id, edit(newDoc(), addParagraph("Refused.")))).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    // Once the other server's lease is gone (released, or expired), the note opens here.
    await prisma().meetingNote.update({ where: { id: note.id }, data: { roomLeaseToken: null, roomLeaseUntil: null } });
    expect(await joinNote(tab, id, newDoc())).toMatchObject({ ok: true });
    expect(await stored(id)).toMatchObject({ rows: 0 });
  });

  it("drops the connection of a sender whose frame exceeds the socket limit (2 MB); nothing is stored or shared", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const [a, b] = await editors(id, "PARTICIPANT", "PARTICIPANT");
    const acks: unknown[] = [];
    a.tab.socket.emit("note:update", { workshopId: id, update: new Uint8Array(2 * 1024 * 1024) }, (ack: unknown) => acks.push(ack));
    await until(() => a.tab.disconnectReason !== null, "the oversized sender's disconnect");
    // socket.io's maxHttpBufferSize: the WebSocket is closed (1009) before any handler runs.
    expect(a.tab.disconnectReason).toBe("transport close");
    expect(acks).toEqual([]);
    // B is unaffected and still edits; that edit is all B receives and all that is stored.
    expect(await sendUpdate(b.tab, id, edit(b.doc, addParagraph("Still here.")))).toEqual({ ok: true });
    await until(() => noteUpdates(b.tab).length > 0, "b's own echo");
    expect(noteUpdates(b.tab)).toHaveLength(1);
    expect(b.tab.socket.connected).toBe(true);
    expect(await stored(id)).toMatchObject({ rows: 1, text: "<paragraph>Still here.</paragraph>" });
  });

  it("refuses a flood of updates from one socket with RATE_LIMITED, keeping what it accepted", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const [a] = await editors(id, "PARTICIPANT");
    // Sent first: an update that builds on one the server never had is refused as damaged.
    expect(await sendUpdate(a.tab, id, edit(a.doc, addParagraph("")))).toEqual({ ok: true });
    // Each flooded update is made on its own copy of that state (its own client id), so none
    // depends on another: a refused one cannot make a later one look damaged, and every refusal
    // seen is the rate limit's, whatever the timing.
    const base = Y.encodeStateAsUpdate(a.doc);
    const updates = Array.from({ length: 230 }, (_, index) => {
      const copy = newDoc();
      Y.applyUpdate(copy, base);
      return edit(copy, appendText(String(index % 10)));
    });
    const acks = await Promise.all(updates.map((update) => sendUpdate(a.tab, id, update)));
    const limited = acks.filter((ack) => !ack.ok);
    expect(limited.length).toBeGreaterThanOrEqual(30);
    expect([...new Set(limited.map((ack) => (ack.ok ? "ok" : ack.code)))]).toEqual(["RATE_LIMITED"]);
    // What was accepted is kept (acknowledged means stored): every accepted digit is in the note.
    const accepted = acks.length - limited.length;
    expect((await stored(id)).text.match(/\d/g) ?? []).toHaveLength(accepted);
    expect(a.tab.socket.connected).toBe(true);
  });

  it("refuses a script element or a users map, and the other editor receives nothing of them", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const [a, b] = await editors(id, "PARTICIPANT", "PARTICIPANT");
    // Built on throwaway documents so that A's own document stays valid for the control below.
    const script = edit(newDoc(), (fragment) => fragment.insert(0, [new Y.XmlElement("script")]));
    const usersDoc = newDoc();
    usersDoc.getMap("users").set(String(usersDoc.clientID), "Test User");
    for (const update of [script, Y.encodeStateAsUpdate(usersDoc)]) {
      expect(await sendUpdate(a.tab, id, update)).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    }
    expect(await sendUpdate(a.tab, id, edit(a.doc, addParagraph("Clean.")))).toEqual({ ok: true });
    await until(() => noteUpdates(b.tab).length > 0, "b to receive the clean edit");
    await settle();
    expect(noteUpdates(b.tab)).toHaveLength(1);
    const seen = newDoc();
    Y.applyUpdate(seen, noteUpdates(b.tab)[0]);
    expect([...seen.share.keys()]).toEqual(["default"]);
    expect(noteText(seen)).toBe("<paragraph>Clean.</paragraph>");
    expect(await stored(id)).toMatchObject({ rows: 1, text: "<paragraph>Clean.</paragraph>" });
  });
});

describe("awareness", () => {
  it("shares only a caret's colour and position, never echoes, cannot be forged, and is removed on disconnect", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const [a, b, c] = await editors(id, "PARTICIPANT", "PARTICIPANT", "OBSERVER");
    const [aAware, bAware] = [a, b].map(({ doc }) => new Awareness(doc));
    const send = (tab: TestClient, aware: Awareness, clientId: number) =>
      tab.socket.emit("note:awareness", { workshopId: id, update: encodeAwarenessUpdate(aware, [clientId]) });
    const count = (tab: TestClient) => framesOf(tab, "note:awareness").length;
    /** What a client sees: a fresh Awareness with these awareness updates applied. */
    const viewOf = (updates: Uint8Array[]) => {
      const view = new Awareness(newDoc());
      updates.forEach((update) => applyAwarenessUpdate(view, update, "server"));
      view.destroy(); // its states stay readable; only its timer stops
      return view.getStates();
    };
    const framesAt = (tab: TestClient) => framesOf(tab, "note:awareness").map((f) => bytes(f.update));
    const caret = (color: string) => ({ user: { color }, cursor: null });

    aAware.setLocalState({ user: { color: "#1d4ed8", name: a.user.name, email: a.user.email }, cursor: null, extra: "x" });
    send(a.tab, aAware, a.doc.clientID);
    await until(() => count(b.tab) === 1 && count(c.tab) === 1, "a's caret at b and c");
    expect(viewOf(framesAt(b.tab)).get(a.doc.clientID)).toEqual(caret("#1d4ed8"));

    // B tries to speak for A's client id with a newer clock, then sends its own caret (the control).
    const forgedDoc = new Y.Doc();
    forgedDoc.clientID = a.doc.clientID;
    const forged = new Awareness(forgedDoc);
    for (let i = 0; i < 5; i += 1) forged.setLocalState(caret("#b91c1c"));
    send(b.tab, forged, a.doc.clientID);
    bAware.setLocalState(caret("#047857"));
    send(b.tab, bAware, b.doc.clientID);
    await until(() => count(a.tab) === 1 && count(c.tab) === 2, "b's caret at a and c");
    const cView = viewOf(framesAt(c.tab));
    expect([cView.get(a.doc.clientID), cView.get(b.doc.clientID)]).toEqual([caret("#1d4ed8"), caret("#047857")]);
    // A never got its own caret back: its only frame is B's.
    await settle();
    expect([count(a.tab), count(c.tab)]).toEqual([1, 2]);
    expect([...viewOf(framesAt(a.tab)).keys()]).toEqual([b.doc.clientID]);
    // The server's own view, as a later joiner gets it, holds A's real caret.
    const [late] = await editors(id, "OBSERVER");
    expect(late.ack.ok && viewOf([late.ack.awareness]).get(a.doc.clientID)).toEqual(caret("#1d4ed8"));

    // A disconnects: the others are told its caret is gone.
    a.tab.socket.disconnect();
    await until(() => count(b.tab) === 2, "a's caret removal at b");
    for (const update of framesAt(b.tab)) applyAwarenessUpdate(bAware, update, "server");
    expect(bAware.getStates().has(a.doc.clientID)).toBe(false);
    expect(bAware.getStates().has(b.doc.clientID)).toBe(true);
    for (const aware of [aAware, bAware, forged]) aware.destroy();
  });
});

describe("what reaches clients", () => {
  /** Every string in a frame, binary decoded as latin1 and utf8, object keys included. */
  function textsOf(value: unknown, out: string[] = []): string[] {
    if (typeof value === "string") out.push(value);
    else if (value instanceof ArrayBuffer) textsOf(new Uint8Array(value), out);
    else if (ArrayBuffer.isView(value)) {
      const buffer = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      out.push(buffer.toString("latin1"), buffer.toString("utf8"));
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        out.push(key);
        textsOf(inner, out);
      }
    }
    return out;
  }

  it("no frame, binary or not, names anyone, and updates carry only the editors' own Yjs client ids", () => {
    const secret = [...secrets][0];
    // The scanner itself finds a secret hidden in binary.
    expect(textsOf({ data: [Buffer.from(`\u0001${secret}`)] }).some((text) => text.includes(secret))).toBe(true);
    expect(secrets.size).toBeGreaterThan(100);
    expect(allFrames.length).toBeGreaterThan(100);
    // Binary attachments (Yjs and awareness updates) arrive as Buffers inside the packets.
    expect(allFrames.filter((frame) => JSON.stringify(frame).includes('"type":"Buffer"')).length).toBeGreaterThan(20);
    const texts = allFrames.flatMap((frame) => textsOf(frame));
    expect([...secrets].filter((value) => texts.some((text) => text.includes(value)))).toEqual([]);

    // Client ids are random per document: the server neither assigns nor adds any of its own.
    const updates = [...joinUpdates, ...allClients.flatMap(noteUpdates)];
    expect(updates.length).toBeGreaterThan(20);
    const seen = new Set<number>();
    for (const update of updates) {
      const { structs, ds } = Y.decodeUpdate(update);
      structs.forEach((struct) => seen.add(struct.id.client));
      ds.clients.forEach((_, client) => seen.add(client));
    }
    expect(seen.size).toBeGreaterThan(5);
    expect([...seen].filter((client) => !ourClientIds.has(client))).toEqual([]);
  });
});
