/** A heading of an imported source: `start` is the offset of its `#` line in the normalized text. */
export type SourceHeading = { level: number; text: string; start: number };

// The heading rule of the reading view (lib/sources/markup.ts).
const HEADING_LINE = /^(#{1,6})\s+(.+)$/;
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * The Markdown headings of normalized text, found the way the reading view finds them
 * (lib/sources/markup.ts): a block between blank lines made of a single `#` line.
 */
export function findHeadings(text: string): SourceHeading[] {
  const headings: SourceHeading[] = [];
  let offset = 0;
  for (const chunk of text.split("\n\n")) {
    const match = chunk.includes("\n") ? null : HEADING_LINE.exec(chunk);
    if (match) headings.push({ level: match[1]!.length, text: match[2]!.trim(), start: offset });
    offset += chunk.length + 2;
  }
  return headings;
}

/**
 * Puts a blank line around every Markdown `#` heading line that touches a paragraph, outside
 * code fences, so that the reading view shows it as a heading. Text whose headings already
 * stand alone (like the demo corpus) comes back unchanged.
 */
export function separateMarkdownHeadings(markdown: string): string {
  const lines = markdown.split(/\r\n?|\n/);
  const out: string[] = [];
  let isInFence = false;
  for (const [index, line] of lines.entries()) {
    if (FENCE.test(line)) isInFence = !isInFence;
    const isHeading = !isInFence && HEADING_LINE.test(line);
    if (isHeading && out.length > 0 && out[out.length - 1]!.trim() !== "") out.push("");
    out.push(line);
    const next = lines[index + 1];
    if (isHeading && next !== undefined && next.trim() !== "") out.push("");
  }
  return out.join("\n");
}
