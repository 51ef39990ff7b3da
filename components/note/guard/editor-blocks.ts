import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { INLINE_NODE_CHARACTER, LINE_BREAK_CHARACTER } from "@/lib/notes/guard/note-blocks";
import type { GuardWarning } from "@/lib/notes/guard/types";

/**
 * The live editor's document as the guard reads it: the same blocks as the server's
 * noteTextBlocks (lib/notes/guard/note-blocks.ts) reads from stored JSON, so that a warning's
 * { blockIndex, from, to } is a place in the editor. Client-safe, no React.
 */
export function textBlocksOf(doc: ProseMirrorNode): string[] {
  const blocks: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    blocks.push(blockText(node));
    return false;
  });
  return blocks;
}

function blockText(node: ProseMirrorNode): string {
  return node.textBetween(0, node.content.size, undefined, (leaf) => (leaf.type.name === "hardBreak" ? LINE_BREAK_CHARACTER : INLINE_NODE_CHARACTER));
}

/**
 * The document range of a warning's words (to select them and scroll to them). The document may
 * have changed since the check: when the words are no longer at the warning's offsets, the first
 * place in the same block where they stand; null when the block is gone or no longer has them.
 */
export function warningRange(doc: ProseMirrorNode, warning: Pick<GuardWarning, "blockIndex" | "from" | "to" | "excerpt">): { from: number; to: number } | null {
  let index = 0;
  let range: { from: number; to: number } | null = null;
  doc.descendants((node, position) => {
    if (range || index > warning.blockIndex) return false;
    if (!node.isTextblock) return true;
    if (index === warning.blockIndex) {
      const text = blockText(node);
      const at = text.slice(warning.from, warning.to) === warning.excerpt ? warning.from : text.indexOf(warning.excerpt);
      if (at >= 0) range = { from: position + 1 + at, to: position + 1 + at + warning.excerpt.length };
    }
    index += 1;
    return false;
  });
  return range;
}
