import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createWorkshopWithBlankNote } from "@/test/factories";
import { paragraphsOf } from "@/test/notes";
import type { NoteRoom } from "./note-room";
import { generationSettings } from "./note-generation";
import { NoteRooms } from "./note-rooms";
import { rebaseNote } from "./rebase-note";
import { NOTE_FRAGMENT } from "./schema";

// Issue 14: rooms retire a generation of client ids when the last socket leaves, and a page
// offline across that rebases its edits onto the new generation, losing nothing.

const prisma = registerTestDatabase();
const silent = { update: () => {}, awareness: () => {} };
const THRESHOLD = 5;

beforeEach(() => {
  generationSettings.compactAboveClientIds = THRESHOLD;
});
afterEach(() => {
  generationSettings.compactAboveClientIds = 200;
});

const idsOf = (state: Uint8Array) => [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)).keys()];
const docOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};
const textsOf = (doc: Y.Doc) => doc.getXmlFragment(NOTE_FRAGMENT).toArray().map((block) => (block as Y.XmlElement).toArray().map(String).join(""));

/** A page's document, synced from the room. */
function page(room: NoteRoom): Y.Doc {
  return docOf(room.syncFor(new Uint8Array([0])).update);
}

/** Runs `change` on the document and returns that change as the page would send it. */
function edit(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc.getXmlFragment(NOTE_FRAGMENT));
  return Y.encodeStateAsUpdate(doc, before);
}
const addParagraph = (text: string) => (fragment: Y.XmlFragment) => {
  const paragraph = new Y.XmlElement("paragraph");
  fragment.push([paragraph]);
  paragraph.insert(0, [new Y.XmlText(text)]);
};
const appendTo = (index: number, text: string) => (fragment: Y.XmlFragment) => {
  const inner = (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;
  inner.insert(inner.length, text);
};

/** `count` visits, each a page with a fresh client id adding a paragraph. */
async function visits(room: NoteRoom, count: number, label = "Visit"): Promise<void> {
  for (let visit = 0; visit < count; visit += 1) {
    expect(await room.receive(edit(page(room), addParagraph(`${label} ${visit}.`)))).toEqual({ ok: true });
  }
}

const noteRow = (workshopId: string) =>
  prisma().meetingNote.findUniqueOrThrow({ where: { workshopId }, include: { generations: { orderBy: { generation: "asc" } }, updates: true } });

describe("generations of client ids", () => {
  it("retires a generation when the last socket leaves a room above the threshold: one client id, the same text", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const rooms = new NoteRooms(() => silent);
    const room = await rooms.enter(workshop.id, "s1");
    expect(room.generation).toBe(0);
    await visits(room, THRESHOLD + 3);
    const before = Y.encodeStateAsUpdate(room.doc);
    const oldIds = idsOf(before);
    expect(oldIds.length).toBe(THRESHOLD + 3);
    await rooms.leave(workshop.id, "s1");

    const note = await noteRow(workshop.id);
    expect(note.generation).toBe(1);
    expect(note.updates).toHaveLength(0);
    expect(note.generations.map((row) => row.generation)).toEqual([0]);
    expect(textsOf(docOf(note.generations[0]!.state))).toEqual(textsOf(docOf(before)));
    const ids = idsOf(note.yState!);
    expect(ids).toHaveLength(1);
    expect(oldIds).not.toContain(ids[0]);
    expect(textsOf(docOf(note.yState!))).toEqual(textsOf(docOf(before)));
    expect(paragraphsOf(note.content)).toEqual(textsOf(docOf(before)));

    // A second compaction starts generation 2 from generation 1's text and keeps both bases.
    const reopened = await rooms.enter(workshop.id, "s2");
    expect(reopened.generation).toBe(1);
    await visits(reopened, THRESHOLD + 1, "Later");
    const secondBefore = textsOf(reopened.doc);
    await rooms.leave(workshop.id, "s2");
    const again = await noteRow(workshop.id);
    expect(again.generation).toBe(2);
    expect(again.generations.map((row) => row.generation)).toEqual([0, 1]);
    expect(idsOf(again.yState!)).toHaveLength(1);
    expect(textsOf(docOf(again.yState!))).toEqual(secondBefore);
    expect(secondBefore).toContain("Later 0.");
    expect(secondBefore).toContain("Visit 0.");
  });

  it("changes nothing below the threshold", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const rooms = new NoteRooms(() => silent);
    const room = await rooms.enter(workshop.id, "s1");
    await visits(room, THRESHOLD);
    await rooms.leave(workshop.id, "s1");
    const note = await noteRow(workshop.id);
    expect(note.generation).toBe(0);
    expect(note.generations).toHaveLength(0);
    expect(idsOf(note.yState!)).toHaveLength(THRESHOLD);
  });

  it("never compacts with several nodes (no lease: another node's clients may still send on the old ids)", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const rooms = new NoteRooms(() => silent, { exclusive: false });
    const room = await rooms.enter(workshop.id, "s1");
    await visits(room, THRESHOLD + 3);
    await rooms.leave(workshop.id, "s1");
    const note = await noteRow(workshop.id);
    expect(note.generation).toBe(0);
    expect(note.generations).toHaveLength(0);
  });

  it("rebases a page that was offline across a compaction: its edits arrive alongside those made since", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const rooms = new NoteRooms(() => silent);
    const room = await rooms.enter(workshop.id, "s1");
    await visits(room, THRESHOLD + 1);
    // This page goes offline here and keeps typing: in paragraph 1, in paragraph 3, and a new one.
    const offline = page(room);
    edit(offline, appendTo(1, " (offline)"));
    edit(offline, appendTo(3, " [both]"));
    edit(offline, addParagraph("Written offline."));
    await rooms.leave(workshop.id, "s1");
    expect((await noteRow(workshop.id)).generation).toBe(1);

    // Someone edits the new generation: paragraph 0, and paragraph 3 too.
    const next = await rooms.enter(workshop.id, "s2");
    const online = page(next);
    expect(await next.receive(edit(online, appendTo(0, " (online)")))).toEqual({ ok: true });
    expect(await next.receive(edit(online, appendTo(3, " [theirs]")))).toEqual({ ok: true });

    // The offline page comes back on generation 0: it is told to rebase.
    const answer = await next.joinFor(Y.encodeStateVector(offline), 0);
    expect(answer).toMatchObject({ rebase: true, generation: 1, clientGeneration: 0 });
    if (!answer.rebase || !answer.base) throw new Error("expected a rebase with a base");
    const { doc: rebased, edited } = rebaseNote({ mine: offline, base: answer.base, current: answer.update });
    expect(edited).toBe(true);
    const sync = await next.joinFor(Y.encodeStateVector(rebased), 1);
    expect(sync.rebase).toBeUndefined();
    Y.applyUpdate(rebased, sync.update);
    expect(await next.receive(Y.encodeStateAsUpdate(rebased, sync.stateVector))).toEqual({ ok: true });

    const texts = textsOf(next.doc);
    expect(texts).toContain("Visit 0. (online)");
    expect(texts).toContain("Visit 1. (offline)");
    // Both changed paragraph 3: both versions stay.
    expect(texts).toContain("Visit 3. [theirs]");
    expect(texts).toContain("Visit 3. [both]");
    expect(texts).toContain("Written offline.");
    expect(texts.filter((text) => text.startsWith("Visit 2."))).toHaveLength(1);
    expect(textsOf(online)).not.toEqual(texts);
    await rooms.leave(workshop.id, "s2");
  });

  it("a page with no edits beyond its generation's final state just takes the new document", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const rooms = new NoteRooms(() => silent);
    const room = await rooms.enter(workshop.id, "s1");
    await visits(room, THRESHOLD + 1);
    const idle = page(room);
    await rooms.leave(workshop.id, "s1");
    const next = await rooms.enter(workshop.id, "s2");
    const answer = await next.joinFor(Y.encodeStateVector(idle), 0);
    if (!answer.rebase || !answer.base) throw new Error("expected a rebase with a base");
    const { doc, edited } = rebaseNote({ mine: idle, base: answer.base, current: answer.update });
    expect(edited).toBe(false);
    expect(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(next.doc)).byteLength).toBeLessThanOrEqual(2);
    await rooms.leave(workshop.id, "s2");
  });
});
