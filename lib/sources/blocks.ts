/** A source's text split into the blocks the reading view shows, with offsets into the text. */
export type SourceBlock =
  | { kind: "heading"; level: 2 | 3 | 4; text: string; start: number }
  | { kind: "paragraph"; text: string; start: number };

export type InlinePart = { kind: "text" | "sup" | "strong"; text: string };

const HEADING = /^(#{1,4})\s+(.*)$/;

/** Splits normalized text at blank lines; Markdown headings become headings (h1 shown as h2). */
export function splitIntoBlocks(text: string, format: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let offset = 0;
  for (const chunk of text.split("\n\n")) {
    const start = offset;
    offset += chunk.length + 2;
    if (!chunk.trim()) continue;
    const heading = format === "MARKDOWN" ? HEADING.exec(chunk) : null;
    if (heading && !chunk.includes("\n")) {
      const level = Math.min(4, Math.max(2, heading[1]!.length + 1)) as 2 | 3 | 4;
      blocks.push({ kind: "heading", level, text: heading[2]!, start });
    } else {
      blocks.push({ kind: "paragraph", text: chunk, start });
    }
  }
  return blocks;
}

const INLINE = /<sup>(.*?)<\/sup>|\*\*(.+?)\*\*/g;

/** Footnote markers (<sup>) and bold (**) as parts; everything else stays plain text, never HTML. */
export function splitInline(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    parts.push(match[1] !== undefined ? { kind: "sup", text: match[1] } : { kind: "strong", text: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}
