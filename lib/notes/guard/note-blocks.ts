/**
 * The note as the guard reads it: one string per text block (paragraph, heading), in document
 * order, every inline node that is not text (a lesson reference, a footnote marker, a line break)
 * counted as ONE character. A position `i` in block `b` is therefore the ProseMirror position
 * `start(b) + 1 + i`, where start(b) is the position before that text block: the editor can
 * turn a warning's { blockIndex, from, to } into a selection without searching
 * (components/note/guard/editor-blocks.ts does it on a live document).
 * Client-safe and pure.
 */

/** Stands for an inline node that is not text; not a letter, so it separates words. */
export const INLINE_NODE_CHARACTER = "\uFFFC";
export const LINE_BREAK_CHARACTER = "\n";

interface JsonNode {
  type?: string;
  text?: string;
  content?: JsonNode[];
}

/** The text blocks of the note's editor JSON (an empty note: one empty block or none). */
export function noteTextBlocks(content: unknown): string[] {
  const blocks: string[] = [];
  const visit = (node: JsonNode) => {
    if (!node || typeof node !== "object") return;
    if (isTextBlock(node)) {
      blocks.push((node.content ?? []).map(inlineText).join(""));
      return;
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(content as JsonNode);
  return blocks;
}

const TEXT_BLOCKS = new Set(["paragraph", "heading", "codeBlock"]);

function isTextBlock(node: JsonNode): boolean {
  if (node.type && TEXT_BLOCKS.has(node.type)) return true;
  return (node.content ?? []).some((child) => child?.type === "text");
}

function inlineText(node: JsonNode): string {
  if (node?.type === "text") return typeof node.text === "string" ? node.text : "";
  if (node?.type === "hardBreak") return LINE_BREAK_CHARACTER;
  return INLINE_NODE_CHARACTER;
}
