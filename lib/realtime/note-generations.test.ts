import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Socket as ClientSocket } from "socket.io-client";
import * as Y from "yjs";
import { registerTestDatabase } from "@/test/db";
import { connectMember, registerSocketServer } from "@/test/socket-server";
import { createWorkshopWithBlankNote } from "@/test/factories";
import { generationSettings } from "@/lib/notes/note-generation";
import { rebaseNote } from "@/lib/notes/rebase-note";

// Generations over real sockets (lib/notes/note-generation.ts): the join answer carries the
// generation, a page of a retired one is told to rebase, and its updates are refused until it
// joins again on the current one.

const prisma = registerTestDatabase();
const sockets: ClientSocket[] = [];
const server = registerSocketServer(() => sockets.forEach((socket) => socket.disconnect()));
const THRESHOLD = 3;

beforeAll(() => {
  generationSettings.compactAboveClientIds = THRESHOLD;
});
afterAll(() => {
  generationSettings.compactAboveClientIds = 200;
});
afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));

type Refusal = { ok: false; code: string; message: string };
type JoinAck =
  | { ok: true; canEdit: boolean; update: Uint8Array; stateVector: Uint8Array; awareness: Uint8Array; generation: number; rebase?: true; base?: Uint8Array | null }
  | Refusal;

async function member(workshopId: string): Promise<ClientSocket> {
  return (await connectMember(server, workshopId, sockets)).socket;
}

const emit = <T>(socket: ClientSocket, event: string, payload: unknown) => socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
const bytes = (value: unknown) => (value instanceof ArrayBuffer ? new Uint8Array(value) : (value as Uint8Array));

async function join(socket: ClientSocket, workshopId: string, doc: Y.Doc, generation?: number): Promise<JoinAck> {
  const ack = await emit<JoinAck>(socket, "note:join", { workshopId, stateVector: Y.encodeStateVector(doc), ...(generation === undefined ? {} : { generation }) });
  if (ack.ok && !ack.rebase) Y.applyUpdate(doc, bytes(ack.update));
  return ack;
}

function edit(doc: Y.Doc, text: string, index?: number): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment("default");
  if (index === undefined) {
    const paragraph = new Y.XmlElement("paragraph");
    fragment.push([paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
  } else {
    const inner = (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;
    inner.insert(inner.length, text);
  }
  return Y.encodeStateAsUpdate(doc, before);
}
const send = (socket: ClientSocket, workshopId: string, update: Uint8Array) => emit<{ ok: true } | Refusal>(socket, "note:update", { workshopId, update });

async function generationOf(workshopId: string): Promise<number> {
  return (await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId }, select: { generation: true } })).generation;
}
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("note:join and note:update across generations", () => {
  it("a page offline across a compaction is told to rebase, its stale updates are refused, and once rebased its text arrives", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const offline = await member(workshop.id);
    const offlineDoc = new Y.Doc();
    const first = await join(offline, workshop.id, offlineDoc);
    expect(first).toMatchObject({ ok: true, generation: 0 });
    expect(await send(offline, workshop.id, edit(offlineDoc, "Opening remarks."))).toEqual({ ok: true });
    for (let visit = 0; visit < THRESHOLD; visit += 1) {
      const socket = await member(workshop.id);
      const doc = new Y.Doc();
      await join(socket, workshop.id, doc);
      expect(await send(socket, workshop.id, edit(doc, `Visit ${visit}.`))).toEqual({ ok: true });
      socket.disconnect();
    }
    // The page loses its connection and keeps typing; the last socket leaves, the room compacts.
    offline.disconnect();
    const offlineEdit = edit(offlineDoc, " Added offline.", 0);
    await until(async () => (await generationOf(workshop.id)) === 1, "the new generation");

    const other = await member(workshop.id);
    const otherDoc = new Y.Doc();
    expect(await join(other, workshop.id, otherDoc)).toMatchObject({ ok: true, generation: 1 });
    other.on("note:update", (payload: { update: unknown }) => Y.applyUpdate(otherDoc, bytes(payload.update)));
    expect(await send(other, workshop.id, edit(otherDoc, "Written since."))).toEqual({ ok: true });

    const back = await member(workshop.id);
    const answer = await join(back, workshop.id, offlineDoc, 0);
    expect(answer).toMatchObject({ ok: true, rebase: true, generation: 1 });
    // Sent without rebasing first: refused, never applied.
    const refused = await send(back, workshop.id, offlineEdit);
    expect(refused).toMatchObject({ ok: false, code: "STALE_GENERATION" });
    if (!answer.ok || !answer.base) throw new Error("expected a base");

    const { doc: rebased } = rebaseNote({ mine: offlineDoc, base: bytes(answer.base), current: bytes(answer.update) });
    const again = await join(back, workshop.id, rebased, 1);
    expect(again.ok && again.rebase).toBeFalsy();
    if (!again.ok) throw new Error(again.message);
    expect(await send(back, workshop.id, Y.encodeStateAsUpdate(rebased, bytes(again.stateVector)))).toEqual({ ok: true });

    await until(async () => otherDoc.getXmlFragment("default").toString().includes("Added offline."), "the rebased text at the other page");
    const text = otherDoc.getXmlFragment("default").toString();
    expect(text).toContain("Opening remarks. Added offline.");
    expect(text).toContain("Written since.");
    expect(text.match(/Opening remarks\./g)).toHaveLength(1);
  });

  it("gives an old generation's text only to a page whose document had it", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const { id: noteId } = await prisma().meetingNote.update({ where: { workshopId: workshop.id }, data: { generation: 1 } });
    const old = new Y.Doc();
    edit(old, "Said then, deleted since.");
    await prisma().meetingNoteGeneration.create({ data: { noteId, generation: 0, state: Uint8Array.from(Y.encodeStateAsUpdate(old)) } });
    const socket = await member(workshop.id);
    // Someone who joined later names generation 0 with a document of their own: no base.
    const forged = new Y.Doc();
    edit(forged, "Mine.");
    expect(await join(socket, workshop.id, forged, 0)).toMatchObject({ ok: false, code: "GENERATION_GONE" });
    // A page that had generation 0's document gets it.
    const page = new Y.Doc();
    Y.applyUpdate(page, Y.encodeStateAsUpdate(old));
    expect(await join(socket, workshop.id, page, 0)).toMatchObject({ ok: true, rebase: true, generation: 1 });
  });

  it("refuses a join whose generation's base is gone", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const note = await prisma().meetingNote.update({ where: { workshopId: workshop.id }, data: { generation: 2 } });
    expect(note.generation).toBe(2);
    const socket = await member(workshop.id);
    const doc = new Y.Doc();
    edit(doc, "Kept on screen.");
    expect(await join(socket, workshop.id, doc, 1)).toMatchObject({ ok: false, code: "GENERATION_GONE" });
    // A first join (empty document) is on the current generation.
    expect(await join(socket, workshop.id, new Y.Doc())).toMatchObject({ ok: true, generation: 2 });
  });
});
