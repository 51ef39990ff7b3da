import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import { useTestDatabase } from "@/test/db";
import { addMember, createSession, createUser, createWorkshop } from "@/test/factories";
import type { Role, WorkshopStatus } from "@/lib/generated/prisma/enums";
import { closeSocketServer, createSocketServer } from "./socket-server";
import { setRealtimeServer } from "./hub";

// Real socket.io clients against the real server and database: the note's sync, permissions,
// validation and awareness, and that nothing identifying anyone ever reaches a client.

const prisma = useTestDatabase();

let httpServer: http.Server;
let ioServer: ReturnType<typeof createSocketServer>;
let url = "";
let origin = "";

beforeAll(async () => {
  httpServer = http.createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  origin = `http://localhost:${port}`;
  ioServer = createSocketServer(httpServer, { allowedOrigins: [origin] });
});

afterAll(async () => {
  for (const client of allClients) client.socket.disconnect();
  await closeSocketServer(ioServer); // stores open notes before the database goes away
  setRealtimeServer(undefined);
  if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
});

// ---------- clients and recording ----------

interface TestClient {
  socket: ClientSocket;
  events: { event: string; payload: unknown }[];
  disconnectReason: string | null;
}

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
  const socket = connectClient(url, { transports: ["websocket"], extraHeaders: { cookie, origin }, reconnection: false, forceNew: true });
  const client: TestClient = { socket, events: [], disconnectReason: null };
  socket.onAny((event: string, payload: unknown) => client.events.push({ event, payload }));
  socket.io.on("packet", (packet) => allFrames.push(packet));
  socket.on("disconnect", (reason) => (client.disconnectReason = reason));
  allClients.push(client);
  clientsOfTest.push(client);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
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

function newDoc(): Y.Doc {
  const doc = new Y.Doc();
  ourClientIds.add(doc.clientID);
  return doc;
}
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
const errorCodes = (client: TestClient) => client.events.filter((e) => e.event === "error:event").map((e) => (e.payload as Refusal).code);

/** What the database holds of the note: log rows, compacted state, and the text they make. */
async function stored(workshopId: string) {
  const note = await prisma().meetingNote.findUnique({ where: { workshopId }, include: { updates: { orderBy: { seq: "asc" } } } });
  const doc = new Y.Doc();
  for (const part of [note?.yState, ...(note?.updates ?? []).map((row) => row.update)]) if (part) Y.applyUpdate(doc, part);
  return { exists: !!note, rows: note?.updates.length ?? 0, yState: note?.yState ?? null, text: noteText(doc) };
}

const ROLES: Role[] = ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"];
const STATUSES: WorkshopStatus[] = ["OPEN", "CLOSED", "ARCHIVED"];

// ---------- tests ----------

describe("sync between editors", () => {
  it("shares an edit with the other editor, stores it, and gives it to a later joiner", async () => {
    const workshop = await createWorkshop();
    const [a, b, c] = [await person(workshop.id, "PARTICIPANT"), await person(workshop.id, "RAPPORTEUR"), await person(workshop.id, "OBSERVER")];
    const [aTab, bTab] = [await connectAs(a.cookie), await connectAs(b.cookie)];
    const [aDoc, bDoc] = [newDoc(), newDoc()];
    expect(await joinNote(aTab, workshop.id, aDoc)).toMatchObject({ ok: true, canEdit: true });
    expect(await joinNote(bTab, workshop.id, bDoc)).toMatchObject({ ok: true, canEdit: true });

    expect(await sendUpdate(aTab, workshop.id, edit(aDoc, addParagraph("Mandates were too broad.")))).toEqual({ ok: true });
    await until(() => noteUpdates(bTab).length === 1, "b to receive the update");
    for (const update of noteUpdates(bTab)) Y.applyUpdate(bDoc, update);
    expect(noteText(bDoc)).toBe("<paragraph>Mandates were too broad.</paragraph>");
    // The sender gets the merged frame too (it ignores what it has).
    await until(() => noteUpdates(aTab).length === 1, "a's own echo");
    // Acknowledged means stored: the log row is there before anyone leaves.
    expect(await stored(workshop.id)).toMatchObject({ rows: 1, text: noteText(aDoc) });

    const cTab = await connectAs(c.cookie);
    const cDoc = newDoc();
    expect(await joinNote(cTab, workshop.id, cDoc)).toMatchObject({ ok: true, canEdit: false });
    expect(noteText(cDoc)).toBe(noteText(aDoc));

    // When the last one leaves, the log is folded into the compacted state.
    for (const tab of [aTab, bTab, cTab]) expect(await leaveNote(tab, workshop.id)).toEqual({ ok: true });
    const after = await stored(workshop.id);
    expect(after).toMatchObject({ rows: 0, text: "<paragraph>Mandates were too broad.</paragraph>" });
    expect(after.yState).not.toBeNull();
  });

  it("lets a client that was offline catch up both ways with its state vector", async () => {
    const workshop = await createWorkshop();
    const [a, b] = [await person(workshop.id), await person(workshop.id)];
    const aTab = await connectAs(a.cookie);
    const [aDoc, bDoc] = [newDoc(), newDoc()];
    await joinNote(aTab, workshop.id, aDoc);
    expect(await sendUpdate(aTab, workshop.id, edit(aDoc, addParagraph("First.")))).toEqual({ ok: true });
    const firstTab = await connectAs(b.cookie);
    await joinNote(firstTab, workshop.id, bDoc);
    expect(noteText(bDoc)).toBe("<paragraph>First.</paragraph>");

    // B goes offline; both keep writing.
    firstTab.socket.disconnect();
    expect(await sendUpdate(aTab, workshop.id, edit(aDoc, addParagraph("From A.")))).toEqual({ ok: true });
    edit(bDoc, appendText(" From B offline."));

    const bTab = await connectAs(b.cookie);
    const ack = await joinNote(bTab, workshop.id, bDoc);
    if (!ack.ok) throw new Error(`join refused: ${ack.code}`);
    const aFrames = noteUpdates(aTab).length;
    expect(await sendUpdate(bTab, workshop.id, Y.encodeStateAsUpdate(bDoc, ack.stateVector))).toEqual({ ok: true });
    await until(() => noteUpdates(aTab).length > aFrames, "a to receive b's offline edit");
    for (const update of noteUpdates(aTab).slice(aFrames)) Y.applyUpdate(aDoc, update);
    expect(noteText(aDoc)).toBe("<paragraph>First. From B offline.</paragraph><paragraph>From A.</paragraph>");
    expect(noteText(bDoc)).toBe(noteText(aDoc));
  });
});

describe("authorization", () => {
  const matrix = STATUSES.flatMap((status) => ROLES.map((role) => ({ role, status, canEdit: status === "OPEN" && role !== "OBSERVER" })));

  it.each(matrix)("$role in a $status workshop: may read; may edit: $canEdit", async ({ role, status, canEdit }) => {
    const workshop = await createWorkshop({ status });
    const tab = await connectAs((await person(workshop.id, role)).cookie);
    const doc = newDoc();
    expect(await joinNote(tab, workshop.id, doc)).toMatchObject({ ok: true, canEdit });
    const ack = await sendUpdate(tab, workshop.id, edit(doc, addParagraph(`${role} wrote this`)));
    if (canEdit) expect(ack).toEqual({ ok: true });
    else {
      expect(ack).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(errorCodes(tab)).toEqual(["FORBIDDEN"]);
    }
    expect(await leaveNote(tab, workshop.id)).toEqual({ ok: true });
    const note = await stored(workshop.id);
    expect(note.text).toBe(canEdit ? `<paragraph>${role} wrote this</paragraph>` : "");
    if (!canEdit) expect(note).toMatchObject({ rows: 0, yState: null });
  });

  it("answers a non-member, a member of another workshop and an unknown id alike, and stores nothing", async () => {
    const workshop = await createWorkshop();
    const other = await createWorkshop();
    const stranger = await connectAs((await person()).cookie);
    const elsewhere = await connectAs((await person(other.id, "ORGANIZER")).cookie);
    const refusals: JoinAck[] = [];
    for (const tab of [stranger, elsewhere]) {
      refusals.push(await joinNote(tab, workshop.id, newDoc()));
      // Not joined, so an update is refused before anything else is looked at.
      expect(await sendUpdate(tab, workshop.id, edit(newDoc(), addParagraph("intrusion")))).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    }
    refusals.push(await joinNote(stranger, "no-such-workshop", newDoc()));
    expect(refusals[0]).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(refusals).toEqual([refusals[0], refusals[0], refusals[0]]);
    expect(await prisma().meetingNote.count({ where: { workshopId: workshop.id } })).toBe(0);
  });

  it("refuses an update from a member who has not joined the note", async () => {
    const workshop = await createWorkshop();
    const tab = await connectAs((await person(workshop.id)).cookie);
    expect(await sendUpdate(tab, workshop.id, edit(newDoc(), addParagraph("too early")))).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(errorCodes(tab)).toEqual(["BAD_REQUEST"]);
    expect(await stored(workshop.id)).toMatchObject({ exists: false });
  });

  it("re-checks the workshop's status on every update: closing it stops an open editor", async () => {
    const workshop = await createWorkshop();
    const [aTab, bTab] = [await connectAs((await person(workshop.id)).cookie), await connectAs((await person(workshop.id, "OBSERVER")).cookie)];
    const [aDoc, bDoc] = [newDoc(), newDoc()];
    await joinNote(aTab, workshop.id, aDoc);
    await joinNote(bTab, workshop.id, bDoc);
    expect(await sendUpdate(aTab, workshop.id, edit(aDoc, addParagraph("Before closing.")))).toEqual({ ok: true });
    await until(() => noteUpdates(bTab).length === 1, "the observer to see the first edit");

    await prisma().workshop.update({ where: { id: workshop.id }, data: { status: "CLOSED" } });
    expect(await sendUpdate(aTab, workshop.id, edit(aDoc, appendText(" After.")))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await settle();
    expect(noteUpdates(bTab)).toHaveLength(1);
    expect(await stored(workshop.id)).toMatchObject({ rows: 1, text: "<paragraph>Before closing.</paragraph>" });
  });
});

describe("validation", () => {
  it("refuses malformed payloads with BAD_REQUEST, and a large paste with PAYLOAD_TOO_LARGE", async () => {
    const workshop = await createWorkshop();
    const [aTab, bTab] = [await connectAs((await person(workshop.id)).cookie), await connectAs((await person(workshop.id)).cookie)];
    const [aDoc, bDoc] = [newDoc(), newDoc()];
    const id = workshop.id;
    const badJoins = [{}, { workshopId: id }, { workshopId: id, stateVector: "AA==" }, { workshopId: id, stateVector: new Uint8Array([0]), userId: "u" }, null];
    for (const payload of badJoins) {
      expect(await emitAck(aTab, "note:join", payload), JSON.stringify(payload)).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    }
    await joinNote(aTab, id, aDoc);
    await joinNote(bTab, id, bDoc);

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
      expect(await emitAck(aTab, "note:update", payload), name).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    }
    const paste = edit(newDoc(), addParagraph("a".repeat(600 * 1024)));
    expect(await sendUpdate(aTab, id, paste)).toMatchObject({ ok: false, code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("Paste less") });

    // Positive control: a proper edit after all that arrives alone, and is all that is stored.
    expect(await sendUpdate(aTab, id, edit(aDoc, addParagraph("Valid.")))).toEqual({ ok: true });
    await until(() => noteUpdates(bTab).length > 0, "b to receive the valid edit");
    await settle();
    expect(noteUpdates(bTab)).toHaveLength(1);
    expect(await stored(id)).toMatchObject({ rows: 1, text: "<paragraph>Valid.</paragraph>" });
    expect(aTab.socket.connected).toBe(true);
  });

  it("drops the connection of a sender whose frame exceeds the socket limit (2 MB); nothing is stored or shared", async () => {
    const workshop = await createWorkshop();
    const [aTab, bTab] = [await connectAs((await person(workshop.id)).cookie), await connectAs((await person(workshop.id)).cookie)];
    const [aDoc, bDoc] = [newDoc(), newDoc()];
    await joinNote(aTab, workshop.id, aDoc);
    await joinNote(bTab, workshop.id, bDoc);
    const acks: unknown[] = [];
    aTab.socket.emit("note:update", { workshopId: workshop.id, update: new Uint8Array(2 * 1024 * 1024) }, (ack: unknown) => acks.push(ack));
    await until(() => aTab.disconnectReason !== null, "the oversized sender's disconnect");
    // socket.io's maxHttpBufferSize: the WebSocket is closed (1009) before any handler runs.
    expect(aTab.disconnectReason).toBe("transport close");
    expect(acks).toEqual([]);
    // B is unaffected and still edits; that edit is the only thing B receives and the only thing stored.
    expect(await sendUpdate(bTab, workshop.id, edit(bDoc, addParagraph("Still here.")))).toEqual({ ok: true });
    await until(() => noteUpdates(bTab).length > 0, "b's own echo");
    expect(noteUpdates(bTab)).toHaveLength(1);
    expect(bTab.socket.connected).toBe(true);
    expect(await stored(workshop.id)).toMatchObject({ rows: 1, text: "<paragraph>Still here.</paragraph>" });
  });

  it("refuses a script element or a users map, and the other editor receives nothing of them", async () => {
    const workshop = await createWorkshop();
    const [aTab, bTab] = [await connectAs((await person(workshop.id)).cookie), await connectAs((await person(workshop.id)).cookie)];
    const [aDoc, bDoc] = [newDoc(), newDoc()];
    await joinNote(aTab, workshop.id, aDoc);
    await joinNote(bTab, workshop.id, bDoc);
    // Built on throwaway documents so A's own document stays valid for the control below.
    const script = edit(newDoc(), (fragment) => fragment.insert(0, [new Y.XmlElement("script")]));
    const usersDoc = newDoc();
    usersDoc.getMap("users").set(String(usersDoc.clientID), "Test User");
    for (const update of [script, Y.encodeStateAsUpdate(usersDoc)]) {
      expect(await sendUpdate(aTab, workshop.id, update)).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    }
    expect(await sendUpdate(aTab, workshop.id, edit(aDoc, addParagraph("Clean.")))).toEqual({ ok: true });
    await until(() => noteUpdates(bTab).length > 0, "b to receive the clean edit");
    await settle();
    expect(noteUpdates(bTab)).toHaveLength(1);
    const seen = newDoc();
    Y.applyUpdate(seen, noteUpdates(bTab)[0]);
    expect([...seen.share.keys()]).toEqual(["default"]);
    expect(noteText(seen)).toBe("<paragraph>Clean.</paragraph>");
    expect(await stored(workshop.id)).toMatchObject({ rows: 1, text: "<paragraph>Clean.</paragraph>" });
  });
});

describe("awareness", () => {
  it("shares only a caret's colour and position, never echoes, cannot be forged, and is removed on disconnect", async () => {
    const workshop = await createWorkshop();
    const a = await person(workshop.id);
    const [aTab, bTab, cTab] = [await connectAs(a.cookie), await connectAs((await person(workshop.id)).cookie), await connectAs((await person(workshop.id, "OBSERVER")).cookie)];
    const [aDoc, bDoc, cDoc] = [newDoc(), newDoc(), newDoc()];
    for (const [tab, doc] of [[aTab, aDoc], [bTab, bDoc], [cTab, cDoc]] as const) await joinNote(tab, workshop.id, doc);
    const [aAware, bAware, cAware] = [new Awareness(aDoc), new Awareness(bDoc), new Awareness(cDoc)];
    const send = (tab: TestClient, aware: Awareness, clientId: number) =>
      tab.socket.emit("note:awareness", { workshopId: workshop.id, update: encodeAwarenessUpdate(aware, [clientId]) });
    // Applies every awareness frame a client received to its Awareness.
    const follow = (tab: TestClient, aware: Awareness) => framesOf(tab, "note:awareness").forEach((f) => applyAwarenessUpdate(aware, bytes(f.update), "server"));

    aAware.setLocalState({ user: { color: "#1d4ed8", name: a.user.name, email: a.user.email }, cursor: null, extra: "x" });
    send(aTab, aAware, aDoc.clientID);
    await until(() => framesOf(bTab, "note:awareness").length === 1 && framesOf(cTab, "note:awareness").length === 1, "a's caret at b and c");
    follow(bTab, bAware);
    expect(bAware.getStates().get(aDoc.clientID)).toEqual({ user: { color: "#1d4ed8" }, cursor: null });

    // B tries to speak for A's client id, with a newer clock; then sends its own caret (the control).
    const forgedDoc = new Y.Doc();
    forgedDoc.clientID = aDoc.clientID;
    const forged = new Awareness(forgedDoc);
    for (let i = 0; i < 5; i += 1) forged.setLocalState({ user: { color: "#b91c1c" }, cursor: null });
    send(bTab, forged, aDoc.clientID);
    bAware.setLocalState({ user: { color: "#047857" }, cursor: null });
    send(bTab, bAware, bDoc.clientID);
    await until(() => framesOf(aTab, "note:awareness").length === 1, "b's caret at a");
    await until(() => framesOf(cTab, "note:awareness").length === 2, "b's caret at c");
    follow(cTab, cAware);
    expect(cAware.getStates().get(aDoc.clientID)).toEqual({ user: { color: "#1d4ed8" }, cursor: null });
    expect(cAware.getStates().get(bDoc.clientID)).toEqual({ user: { color: "#047857" }, cursor: null });
    // A never got its own caret back: its only frame is B's.
    await settle();
    const aFrames = framesOf(aTab, "note:awareness");
    expect(aFrames).toHaveLength(1);
    const aView = new Awareness(newDoc());
    applyAwarenessUpdate(aView, bytes(aFrames[0].update), "server");
    expect([...aView.getStates().keys()].filter((id) => id !== aView.clientID)).toEqual([bDoc.clientID]);
    // The server's own view, as a later joiner gets it, is A's real caret too.
    const late = await connectAs((await person(workshop.id)).cookie);
    const lateAck = await joinNote(late, workshop.id, newDoc());
    const lateView = new Awareness(newDoc());
    if (lateAck.ok) applyAwarenessUpdate(lateView, lateAck.awareness, "server");
    expect(lateView.getStates().get(aDoc.clientID)).toEqual({ user: { color: "#1d4ed8" }, cursor: null });

    // A disconnects: the others are told its caret is gone.
    const before = framesOf(bTab, "note:awareness").length;
    aTab.socket.disconnect();
    await until(() => framesOf(bTab, "note:awareness").length > before, "a's caret removal at b");
    follow(bTab, bAware);
    expect(bAware.getStates().has(aDoc.clientID)).toBe(false);
    for (const aware of [aAware, bAware, cAware, forged, aView, lateView]) aware.destroy();
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
      for (const [key, inner] of Object.entries(value)) out.push(key), textsOf(inner, out);
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
