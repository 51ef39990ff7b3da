// Pure and browser-safe: the page rebases with it (components/note/note-connection.ts).
import * as Y from "yjs";
import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode, type Schema } from "@tiptap/pm/model";
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { mergeBlocks } from "./block-merge";
import { noteContentExtensions } from "./editor-extensions";
import { NOTE_FRAGMENT } from "./schema";

let schema: Schema | null = null;
/** The note's ProseMirror schema (built once). */
export const noteSchema = () => (schema ??= getSchema(noteContentExtensions()));

/**
 * Makes the document's note equal `target` with the fewest Yjs changes (y-prosemirror's own
 * ProseMirror-to-Yjs diff): what is unchanged keeps its items, so other editors keep their place.
 */
export function writeNoteContent(doc: Y.Doc, target: ProseMirrorNode): void {
  updateYFragment(doc, doc.getXmlFragment(NOTE_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
}

const blocksOf = (doc: Y.Doc): JSONContent[] => (yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(NOTE_FRAGMENT)) as JSONContent).content ?? [];

function docFrom(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * A page's document rebased onto the note's current generation (lib/notes/note-generation.ts).
 *
 * `mine`: the page's document, of a retired generation (left untouched). `base`: that
 * generation's final state as stored; applied to a copy of `mine` it fills in everything the
 * page had not received (same client ids: no conflict), so the copy is base plus the page's own
 * offline edits. `current`: the current generation's whole state.
 *
 * Returns a new document (a fresh random client id) holding `current` and, when the page had
 * edits beyond base, those edits made afresh on top (a three-way merge of blocks: ./block-merge.ts),
 * ready to be sent; `edited` says whether there were any.
 */
export function rebaseNote({ mine, base, current }: { mine: Y.Doc; base: Uint8Array; current: Uint8Array }): { doc: Y.Doc; edited: boolean } {
  const doc = docFrom(current);
  const baseDoc = docFrom(base);
  const mineDoc = docFrom(Y.encodeStateAsUpdate(mine), base);
  const baseBlocks = blocksOf(baseDoc);
  const mineBlocks = blocksOf(mineDoc);
  baseDoc.destroy();
  mineDoc.destroy();
  if (JSON.stringify(mineBlocks) === JSON.stringify(baseBlocks)) return { doc, edited: false };
  const merged = mergeBlocks(baseBlocks, mineBlocks, blocksOf(doc));
  const target = ProseMirrorNode.fromJSON(noteSchema(), { type: "doc", content: merged });
  writeNoteContent(doc, target);
  return { doc, edited: true };
}
