import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

/**
 * Where a writer starts in a note: inside the first empty paragraph that opens a section (right
 * after a heading), as in a new note's "Introduction". `null` when every section has words (a
 * note already written) or the document is not there yet.
 */
export function firstEmptySectionPosition(doc: ProseMirrorNode): number | null {
  let position: number | null = null;
  let previous: ProseMirrorNode | null = null;
  doc.forEach((node, offset) => {
    if (position !== null) return;
    const isEmptyParagraph = node.type.name === "paragraph" && node.childCount === 0;
    if (isEmptyParagraph && previous?.type.name === "heading") position = offset + 1;
    previous = node;
  });
  return position;
}
