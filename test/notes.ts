import * as Y from "yjs";
import { expect } from "vitest";
import { NoteRoom } from "@/lib/notes/note-room";
import { NOTE_FRAGMENT } from "@/lib/notes/schema";

const silent = { update: () => {}, awareness: () => {} };

/** Writes the note the way editors do: a Yjs update through a room, which stores its text on close. */
export async function writeNote(workshopId: string, write: (fragment: Y.XmlFragment) => void): Promise<void> {
  const room = await NoteRoom.open(workshopId, silent);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, room.syncFor(new Uint8Array([0])).update);
  const before = Y.encodeStateVector(doc);
  write(doc.getXmlFragment(NOTE_FRAGMENT));
  expect(await room.receive(Y.encodeStateAsUpdate(doc, before))).toEqual({ ok: true });
  await room.close();
}

/** Appends a block (paragraph, heading…) holding one text. */
export function addBlock(fragment: Y.XmlFragment, name: string, text: string): void {
  const element = new Y.XmlElement(name);
  fragment.push([element]);
  element.insert(0, [new Y.XmlText(text)]);
}

/** Replaces the whole note with paragraphs of these texts. */
export async function setNoteParagraphs(workshopId: string, texts: string[]): Promise<void> {
  await writeNote(workshopId, (fragment) => {
    fragment.delete(0, fragment.length);
    for (const text of texts) addBlock(fragment, "paragraph", text);
  });
}

/** The note's stored text, paragraph by paragraph (from the stored editor JSON). */
export function paragraphsOf(content: unknown): string[] {
  const doc = content as { content?: { content?: { text?: string }[] }[] };
  return (doc.content ?? []).map((block) => (block.content ?? []).map((inline) => inline.text ?? "").join(""));
}
