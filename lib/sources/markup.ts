import { stripInline } from "./markup-inline";

/**
 * Sources are stored twice: `markup`, the normalized import with light Markdown (`#` headings,
 * `- ` and `1. ` list items, `> ` block quotes, `**bold**`, `[links](https://…)` and
 * `<sup>n</sup>` footnote markers), and `text`, what a reader sees with that markup removed.
 * Annotations anchor into `text`, so their quotes read like the page does. This module derives
 * one from the other, with the structure needed to render the page.
 */
export type SourceBlock =
  | { kind: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; start: number; end: number }
  | { kind: "paragraph"; start: number; end: number }
  /** A list item; consecutive items of one `group` form one list. `number` is its ordinal in an ordered list. */
  | { kind: "item"; group: number; ordered: boolean; number: number; start: number; end: number }
  /** A paragraph of a block quote; consecutive ones of one `group` form one quote. */
  | { kind: "quote"; group: number; start: number; end: number };
export type InlineMark = { kind: "sup" | "strong"; start: number; end: number } | { kind: "link"; href: string; start: number; end: number };

export interface ParsedSource {
  text: string;
  blocks: SourceBlock[];
  marks: InlineMark[];
}

const HEADING = /^(#{1,6})\s+(.+)$/;
// A marker at the start of a chunk (or interrupting a paragraph) is indented at most 3 spaces;
// inside a list, an indented marker is an item too (nested lists are shown flat).
const LIST_ITEM = /^([ \t]*)(?:([-*+])|(\d{1,9})([.)]))[ \t]+(?=\S)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE_LINE = /^ {0,3}> ?/;
const FENCE = /^ {0,3}(```|~~~)/;
export const BLOCK_SEPARATOR = "\n\n";

type Marker = { ordered: boolean; delimiter: string; number: number; length: number; indent: number };
type Run = { kind: "paragraph"; lines: string[] } | { kind: "quote"; lines: string[]; raw: string[] } | { kind: "item"; lines: string[]; marker: Marker };
type OpenList = { group: number; ordered: boolean; delimiter: string; next: number };

function listMarker(line: string): Marker | null {
  const match = LIST_ITEM.exec(line);
  if (!match || THEMATIC_BREAK.test(line)) return null;
  const [whole, indent, bullet, digits, delimiter] = match;
  return { ordered: !bullet, delimiter: bullet ?? delimiter!, number: bullet ? 1 : Number(digits), length: whole.length, indent: indent!.replace(/\t/g, "    ").length };
}

/** Cuts one chunk (text between blank lines) into paragraphs, list items and block quotes, line by line. */
function splitRuns(chunk: string): Run[] {
  const runs: Run[] = [];
  for (const line of chunk.split("\n")) {
    const current = runs[runs.length - 1];
    const marker = listMarker(line);
    // As in CommonMark, a list interrupts a paragraph only with a bullet or the number 1, and a
    // line of another kind of marker inside a list is a lazy continuation unless it could start a list.
    const canStartList = marker !== null && marker.indent <= 3 && (!current || !marker.ordered || marker.number === 1);
    if (marker && (canStartList || (current?.kind === "item" && sameList(current.marker, marker)))) {
      runs.push({ kind: "item", lines: [line.slice(marker.length)], marker });
    } else if (QUOTE_LINE.test(line)) {
      const content = line.replace(QUOTE_LINE, "");
      if (current?.kind === "quote") {
        current.lines.push(content);
        current.raw.push(line);
      } else {
        runs.push({ kind: "quote", lines: [content], raw: [line] });
      }
    } else if (current) {
      current.lines.push(line);
      if (current.kind === "quote") current.raw.push(line);
    } else {
      runs.push({ kind: "paragraph", lines: [line] });
    }
  }
  return runs;
}

function sameList(a: Pick<Marker, "ordered" | "delimiter">, b: Pick<Marker, "ordered" | "delimiter">): boolean {
  return a.ordered === b.ordered && a.delimiter === b.delimiter;
}

/** A quote's paragraphs: its lines split at empty ones, without empty paragraphs. */
function quoteParagraphs(lines: string[]): string[] {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line.trim()) paragraphs[paragraphs.length - 1]!.push(line);
    else if (paragraphs[paragraphs.length - 1]!.length) paragraphs.push([]);
  }
  return paragraphs.filter((lines) => lines.length > 0).map((lines) => lines.join("\n"));
}

/**
 * Parses normalized markup into the reader's text, blocks and inline marks. Plain-text sources
 * (`TEXT`) get no headings, lists, quotes or links. Markup without those constructs gives
 * exactly the text it gave before they existed (stored annotations depend on it).
 */
export function parseMarkup(markup: string, format: string): ParsedSource {
  const isPlain = format === "TEXT";
  const blocks: SourceBlock[] = [];
  const marks: InlineMark[] = [];
  let text = "";
  let groups = 0;
  let list: OpenList | null = null;
  let isInFence = false;

  const push = (raw: string, block: (start: number, end: number) => SourceBlock) => {
    const start = text.length;
    text += stripInline(raw, start, marks, isPlain ? "legacy" : "all");
    blocks.push(block(start, text.length));
  };

  for (const chunk of markup.split(BLOCK_SEPARATOR)) {
    if (!chunk.trim()) continue;
    if (blocks.length) text += BLOCK_SEPARATOR;
    const heading = !isPlain && !chunk.includes("\n") ? HEADING.exec(chunk) : null;
    // Code fences are not rendered, but what they hold must not turn into lists or quotes.
    const fences = chunk.split("\n").filter((line) => FENCE.test(line)).length;
    const isLiteral = isPlain || isInFence || fences > 0;
    if (fences % 2 === 1) isInFence = !isInFence;
    if (heading) {
      list = null;
      push(heading[2]!, (start, end) => ({ kind: "heading", level: heading[1]!.length as 1, start, end }));
      continue;
    }
    const runs = isLiteral ? [{ kind: "paragraph" as const, lines: [chunk] }] : splitRuns(chunk);
    for (const [index, run] of runs.entries()) {
      if (index > 0) text += "\n";
      if (run.kind !== "item") list = null;
      if (run.kind === "paragraph") {
        push(run.lines.join("\n"), (start, end) => ({ kind: "paragraph", start, end }));
      } else if (run.kind === "quote") {
        const group = groups++;
        const paragraphs = quoteParagraphs(run.lines);
        // A quote with nothing in it (a lone ">") stays as it was written.
        if (paragraphs.length === 0) push(run.raw.join("\n"), (start, end) => ({ kind: "paragraph", start, end }));
        paragraphs.forEach((paragraph, at) => {
          if (at > 0) text += BLOCK_SEPARATOR;
          push(paragraph, (start, end) => ({ kind: "quote", group, start, end }));
        });
      } else {
        const { marker } = run;
        if (!list || !sameList(list, marker)) list = { group: groups++, ordered: marker.ordered, delimiter: marker.delimiter, next: marker.number };
        const item = { group: list.group, ordered: list.ordered, number: list.next++ };
        push(run.lines.join("\n"), (start, end) => ({ kind: "item", ...item, start, end }));
      }
    }
  }
  return { text, blocks, marks };
}
