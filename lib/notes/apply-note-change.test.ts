import * as Y from "yjs";
import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createWorkshop, createWorkshopWithBlankNote } from "@/test/factories";
import { replaceNoteContent } from "./apply-note-change";
import { noteContentExtensions } from "./editor-extensions";
import { NoteRoom } from "./note-room";
import { NoteRooms } from "./note-rooms";
import { loadNote } from "./note-store";

const prisma = registerTestDatabase();
const schema = getSchema(noteContentExtensions());

const text = (value: string) => ({ type: "text", text: value });
const paragraph = (value: string) => ({ type: "paragraph", content: [text(value)] });
const restored: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Emerging lessons")] },
    paragraph("Mandates should be sequenced."),
    { type: "bulletList", content: [{ type: "listItem", content: [paragraph("Host-state consent matters.")] }] },
    { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ ...text("Exit"), marks: [{ type: "bold" }] }, text(" early.")] }] }] },
  ],
};

/** Whether the document holds exactly `content` (compared as ProseMirror documents). */
function holds(doc: Y.Doc, content: JSONContent): boolean {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment("default"));
  return ProseMirrorNode.fromJSON(schema, json).eq(ProseMirrorNode.fromJSON(schema, content));
}

function typeParagraph(doc: Y.Doc, value: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const element = new Y.XmlElement("paragraph");
  doc.getXmlFragment("default").push([element]);
  element.insert(0, [new Y.XmlText(value)]);
  return Y.encodeStateAsUpdate(doc, before);
}

const rowsOf = async (workshopId: string) => prisma().meetingNoteUpdate.count({ where: { note: { workshopId } } });

describe("replaceNoteContent", () => {
  it("goes through the open room as one change: a connected editor's document becomes the content", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const editor = new Y.Doc();
    const frames: Uint8Array[] = [];
    const rooms = new NoteRooms(() => ({
      update: (update) => (frames.push(update), Y.applyUpdate(editor, update)),
      awareness: () => {},
    }));
    try {
      const room = await rooms.enter(workshop.id, "socket-1");
      Y.applyUpdate(editor, room.syncFor(Y.encodeStateVector(editor)).update);
      expect(await room.receive(typeParagraph(editor, "A draft to be replaced."))).toEqual({ ok: true });
      const rowsBefore = await rowsOf(workshop.id);

      await replaceNoteContent(workshop.id, restored);

      expect(holds(editor, restored)).toBe(true);
      expect(holds(room.doc, restored)).toBe(true);
      expect(frames).toHaveLength(2);
      expect(await rowsOf(workshop.id)).toBe(rowsBefore + 1);
      // Replacing with what is already there changes nothing.
      await replaceNoteContent(workshop.id, restored);
      expect(frames).toHaveLength(2);
    } finally {
      await rooms.closeAll();
    }
    const note = await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: workshop.id } });
    expect(note.plainText).toBe("Emerging lessons\nMandates should be sequenced.\nHost-state consent matters.\nExit early.");
  });

  it("keeps an editor's concurrent typing in a paragraph the change leaves alone", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const editor = new Y.Doc();
    const rooms = new NoteRooms(() => ({ update: (update) => Y.applyUpdate(editor, update), awareness: () => {} }));
    try {
      const room = await rooms.enter(workshop.id, "socket-1");
      await room.receive(typeParagraph(editor, "Kept."));
      const before = Y.encodeStateVector(editor);
      ((editor.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(5, " Typed meanwhile.");
      const typed = Y.encodeStateAsUpdate(editor, before);

      await replaceNoteContent(workshop.id, { type: "doc", content: [paragraph("Kept."), paragraph("Added by the restore.")] });
      expect(await room.receive(typed)).toEqual({ ok: true });

      expect(holds(room.doc, { type: "doc", content: [paragraph("Kept. Typed meanwhile."), paragraph("Added by the restore.")] })).toBe(true);
      expect(holds(editor, { type: "doc", content: [paragraph("Kept. Typed meanwhile."), paragraph("Added by the restore.")] })).toBe(true);
    } finally {
      await rooms.closeAll();
    }
  });

  it("with no room open, is appended to storage under the lock and the next room opens with it", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const first = await NoteRoom.open(workshop.id, { update: () => {}, awareness: () => {} });
    expect(await first.receive(typeParagraph(new Y.Doc(), "Before the restore."))).toEqual({ ok: true });
    await first.close();

    await replaceNoteContent(workshop.id, restored);

    const note = await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: workshop.id }, include: { updates: true } });
    expect(note.updates).toHaveLength(1);
    expect(note.lastSeq).toBe(2);
    expect(note.plainText).toContain("Mandates should be sequenced.");
    expect(ProseMirrorNode.fromJSON(schema, note.content).eq(ProseMirrorNode.fromJSON(schema, restored))).toBe(true);
    const next = await NoteRoom.open(workshop.id, { update: () => {}, awareness: () => {} });
    expect(holds(next.doc, restored)).toBe(true);
    await next.close();
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, (await loadNote(workshop.id)).state);
    expect(holds(reloaded, restored)).toBe(true);
  });

  it("refuses while another server holds the note, and refuses content the editor cannot hold", async () => {
    const workshop = await createWorkshop();
    await prisma().meetingNote.create({ data: { workshopId: workshop.id, roomLeaseToken: "another-process", roomLeaseUntil: new Date(Date.now() + 30_000) } });
    await expectAppError(replaceNoteContent(workshop.id, restored), "CONFLICT");
    await expectAppError(replaceNoteContent(workshop.id, { type: "doc", content: [{ type: "script" }] }), "BAD_REQUEST");
    await expectAppError(replaceNoteContent(workshop.id, { type: "paragraph", content: [text("Not a document")] }), "BAD_REQUEST");
    expect(await rowsOf(workshop.id)).toBe(0);
  });
});
