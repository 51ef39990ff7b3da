/**
 * Sources are stored twice: `markup`, the normalized import with light Markdown (`#` headings,
 * `**bold**`, `<sup>n</sup>` footnote markers), and `text`, what a reader sees with that
 * markup removed. Annotations anchor into `text`, so their quotes read like the page does.
 * This module derives one from the other, with the structure needed to render the page.
 */
export type SourceBlock = { kind: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; start: number; end: number } | { kind: "paragraph"; start: number; end: number };
export type InlineMark = { kind: "sup" | "strong"; start: number; end: number };

export interface ParsedSource {
  text: string;
  blocks: SourceBlock[];
  marks: InlineMark[];
}

const HEADING = /^(#{1,6})\s+(.+)$/;
const INLINE = /<sup>(.*?)<\/sup>|\*\*(.+?)\*\*/g;
export const BLOCK_SEPARATOR = "\n\n";

/** Strips inline markup from one block, recording where marks land in the plain text. */
function stripInline(raw: string, offset: number, marks: InlineMark[]): string {
  let plain = "";
  let last = 0;
  for (const match of raw.matchAll(INLINE)) {
    plain += raw.slice(last, match.index);
    const inner = match[1] ?? match[2] ?? "";
    marks.push({ kind: match[1] !== undefined ? "sup" : "strong", start: offset + plain.length, end: offset + plain.length + inner.length });
    plain += inner;
    last = match.index + match[0].length;
  }
  return plain + raw.slice(last);
}

/** Parses normalized markup into the reader's text, blocks and inline marks. */
export function parseMarkup(markup: string, format: string): ParsedSource {
  const blocks: SourceBlock[] = [];
  const marks: InlineMark[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const chunk of markup.split(BLOCK_SEPARATOR)) {
    if (!chunk.trim()) continue;
    if (parts.length) offset += BLOCK_SEPARATOR.length;
    const heading = format !== "TEXT" && !chunk.includes("\n") ? HEADING.exec(chunk) : null;
    const plain = stripInline(heading ? heading[2]! : chunk, offset, marks);
    blocks.push(
      heading
        ? { kind: "heading", level: heading[1]!.length as 1, start: offset, end: offset + plain.length }
        : { kind: "paragraph", start: offset, end: offset + plain.length },
    );
    parts.push(plain);
    offset += plain.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks, marks };
}
