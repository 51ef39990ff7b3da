import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { describeTestDatabase, registerTestDatabase, TEST_DATABASE_TIMEOUT_MS, testDatabaseServerUrl } from "@/test/db";
import { addMember, createSession, createUser, createWorkshopWithBlankNote } from "@/test/factories";
import { loadNote } from "@/lib/notes/note-store";
import type { Role } from "@/lib/generated/prisma/enums";
import { bytes, edit, noteText, typePiece } from "./support/note-typing";
import { connectTo, startNode, uniqueChannel, until, type AdapterKind, type RealtimeNode, type TestClient } from "./support/realtime-nodes";

// Two app processes on one PostgreSQL database, joined by the Redis or the PostgreSQL socket.io
// adapter: one meeting note whichever node a client reaches, workshop broadcasts and access
// changes on every node, and nothing acknowledged lost when a node dies. Runs in the PostgreSQL
// stage only (vitest.config.ts): several processes cannot share an in-memory PGlite.

const prisma = registerTestDatabase();

let clients: TestClient[] = [];
afterEach(() => {
  clients.forEach((client) => client.socket.disconnect());
  clients = [];
});

type Ack = { ok: true } | { ok: false; code: string; message: string };
type JoinAck = { ok: true; update: Uint8Array } | { ok: false; code: string };

function databaseUrl(): string {
  const url = new URL(testDatabaseServerUrl()!);
  url.pathname = `/${describeTestDatabase().throwawayName}`;
  return url.toString();
}

async function person(workshopId: string, role: Role) {
  const user = await createUser();
  await addMember(workshopId, user.id, role);
  return `next-auth.session-token=${await createSession(user.id)}`;
}

const emitAck = <T>(client: TestClient, event: string, payload: unknown) => client.socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;

/** A client on the node, in the workshop and its note, its document following the note. */
async function editorOn(node: RealtimeNode, cookie: string, workshopId: string, doc = new Y.Doc()) {
  const client = await connectTo(node, cookie);
  clients.push(client);
  client.socket.on("note:update", (payload: { update: unknown }) => Y.applyUpdate(doc, bytes(payload.update)));
  expect(await emitAck<Ack>(client, "workshop:join", { workshopId })).toEqual({ ok: true });
  const joined = await emitAck<JoinAck>(client, "note:join", { workshopId, stateVector: Y.encodeStateVector(doc) });
  if (!joined.ok) throw new Error(`note:join refused: ${joined.code}`);
  Y.applyUpdate(doc, bytes(joined.update));
  return { client, doc };
}

/** Everything acknowledged by a node: it must all be in storage. */
let acknowledged: Uint8Array[] = [];

/** Types `count` pieces into the person's own paragraph (made on first use), one acknowledged update each. */
async function type(editor: { client: TestClient; doc: Y.Doc }, workshopId: string, label: string, from: number, count: number) {
  for (let i = from; i < from + count; i++) {
    const update = typePiece(editor.doc, label, String(i));
    expect(await emitAck<Ack>(editor.client, "note:update", { workshopId, update })).toEqual({ ok: true });
    acknowledged.push(update);
  }
}

const typed = (label: string, count: number) => `${label}:${Array.from({ length: count }, (_, i) => ` ${i}`).join("")}`;

/** What a client newly opening the note on this node receives: that node's room's document. */
async function roomText(node: RealtimeNode, cookie: string, workshopId: string): Promise<string> {
  const { client, doc } = await editorOn(node, cookie, workshopId);
  client.socket.disconnect();
  return noteText(doc);
}

describe.each<AdapterKind>(["redis", "postgres"])("several nodes over the %s adapter", (adapter) => {
  let nodes: RealtimeNode[] = [];
  // Starting a node (tsx compiling the server's modules) takes seconds on a busy machine.
  beforeAll(async () => {
    const channel = uniqueChannel();
    nodes = await Promise.all([0, 1].map(() => startNode({ database: { url: databaseUrl() }, adapter, channel })));
  }, TEST_DATABASE_TIMEOUT_MS);
  afterAll(() => Promise.all(nodes.map((node) => node.kill())));

  it("keeps one note across nodes, reaches every node's clients, and loses nothing acknowledged when a node dies", async () => {
    acknowledged = [];
    const workshop = await createWorkshopWithBlankNote();
    const [alice, bob] = [await person(workshop.id, "RAPPORTEUR"), await person(workshop.id, "PARTICIPANT")];
    const [nodeA, nodeB] = nodes as [RealtimeNode, RealtimeNode];

    // Concurrent typing on two nodes converges, in the clients and in both nodes' rooms.
    const onA = await editorOn(nodeA, alice, workshop.id);
    const onB = await editorOn(nodeB, bob, workshop.id);
    await Promise.all([type(onA, workshop.id, "A", 0, 12), type(onB, workshop.id, "B", 0, 12)]);
    await until(() => noteText(onA.doc) === noteText(onB.doc) && noteText(onA.doc).includes(typed("A", 12)) && noteText(onA.doc).includes(typed("B", 12)), "both clients to converge");
    expect(Y.encodeStateVector(onA.doc)).toEqual(Y.encodeStateVector(onB.doc));
    expect(await roomText(nodeA, bob, workshop.id)).toBe(noteText(onA.doc));
    expect(await roomText(nodeB, alice, workshop.id)).toBe(noteText(onA.doc));

    // A broadcast from node A's domain reaches a client on node B.
    await nodeA.run("notifyLessonsChanged", workshop.id);
    await until(() => onB.client.events.some((frame) => frame.event === "lessons:changed"), "lessons:changed on node B");

    // Access changed on node A: node B forgets the access it remembers (note:join just loaded it,
    // and it would otherwise be trusted for a few seconds more).
    expect((await emitAck<JoinAck>(onB.client, "note:join", { workshopId: workshop.id, stateVector: Y.encodeStateVector(onB.doc) })).ok).toBe(true);
    await prisma().workshop.update({ where: { id: workshop.id }, data: { participantsEditNote: false } });
    await nodeA.run("notifyNoteStatus", workshop.id);
    await until(() => onB.client.events.some((frame) => frame.event === "note:status"), "note:status on node B");
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(onB.doc));
    const refused = await emitAck<Ack>(onB.client, "note:update", { workshopId: workshop.id, update: edit(scratch, (fragment) => fragment.push([new Y.XmlElement("paragraph")])) });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await prisma().workshop.update({ where: { id: workshop.id }, data: { participantsEditNote: true } });
    await nodeA.run("notifyNoteStatus", workshop.id);
    await until(() => onB.client.events.filter((frame) => frame.event === "note:status").length === 2, "the second note:status on node B");

    // Node A dies without storing anything on the way out; its client moves to node B.
    await nodeA.kill();
    await until(() => !onA.client.socket.connected, "node A's client to notice");
    const movedA = await editorOn(nodeB, alice, workshop.id, onA.doc);
    await Promise.all([type(movedA, workshop.id, "A", 12, 8), type(onB, workshop.id, "B", 12, 8)]);
    await until(() => noteText(movedA.doc) === noteText(onB.doc) && noteText(onB.doc).includes(typed("A", 20)) && noteText(onB.doc).includes(typed("B", 20)), "convergence on node B");

    // Everything acknowledged, on either node, is stored.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadNote(workshop.id)).state);
    const storedVector = Y.encodeStateVector(stored);
    expect(noteText(stored)).toBe(noteText(onB.doc));
    for (const update of acknowledged) Y.applyUpdate(stored, update);
    expect(Y.encodeStateVector(stored)).toEqual(storedVector);
    expect(noteText(stored)).toBe(noteText(onB.doc));
  });
});
