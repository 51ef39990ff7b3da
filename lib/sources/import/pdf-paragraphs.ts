import type { PdfLine } from "./pdf-lines";

type Block = { lines: PdfLine[]; text: string; level: number };

const PAGE_NUMBER = /^(page\s+)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i;
const SENTENCE_END = /[.!?:…"”’)\]]$/;
// Bullet glyphs that start a list item, U+F0B7 and U+F0A7 being Word's Symbol and Wingdings
// bullets as pdf.js reports them.
const BULLET = /^[•●▪■◦○‣⁃∙\uF0B7\uF0A7]\s*(?=\S)/u;

/**
 * Lays out the lines of every page as Markdown-shaped text: lines joined into paragraphs
 * (a larger gap, a change of font size, or a short line ending a sentence starts a new one),
 * line-end hyphens removed when the next line starts in lowercase, lines set notably larger
 * than the body text as `#` headings, a line starting with a bullet glyph as a `- ` list item,
 * bare page numbers dropped, and a paragraph cut by a page break joined again.
 */
export function layOutPdfText(pages: PdfLine[][]): string {
  const bodySize = findBodySize(pages.flat());
  const blocks: Block[] = [];
  for (const lines of pages) {
    const pageBlocks = splitPage(dropPageNumbers(lines), bodySize);
    const last = blocks[blocks.length - 1];
    const first = pageBlocks[0];
    if (last && first && !last.level && !first.level && !SENTENCE_END.test(last.text) && /^\p{Ll}/u.test(first.text)) {
      last.text = joinLines(last.text, first.text);
      pageBlocks.shift();
    }
    blocks.push(...pageBlocks);
  }
  return blocks.map((block) => (block.level ? `${"#".repeat(block.level)} ${block.text}` : block.text.replace(BULLET, "- "))).join("\n\n");
}

/** Joins two lines of one paragraph, removing a line-end hyphen when the next line starts lowercase. */
export function joinLines(before: string, after: string): string {
  if (/[\p{L}\p{N}][-‐]$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  if (before.endsWith("\u00AD")) return before.slice(0, -1) + after;
  if (/[\p{L}\p{N}][-‐–—/]$/u.test(before)) return before + after;
  return `${before} ${after}`;
}

function splitPage(lines: PdfLine[], bodySize: number): Block[] {
  const spacing = lineSpacingRatio(lines);
  const left = Math.min(...lines.map((line) => line.x));
  const right = Math.max(...lines.map((line) => line.right));
  const blocks: Block[] = [];
  let previous: PdfLine | null = null;
  for (const line of lines) {
    const current = blocks[blocks.length - 1];
    // A list item ends where a line starts left of its bullet: the text after the list.
    const isAfterItem = current !== undefined && BULLET.test(current.text) && line.x < current.lines[0]!.x - 0.25 * line.size;
    if (!current || !previous || BULLET.test(line.text) || isAfterItem || startsParagraph(previous, line, { spacing, left, right })) {
      blocks.push({ lines: [line], text: line.text, level: 0 });
    } else {
      current.lines.push(line);
      current.text = joinLines(current.text, line.text);
    }
    previous = line;
  }
  for (const block of blocks) block.level = headingLevel(block, bodySize);
  return blocks;
}

function startsParagraph(previous: PdfLine, line: PdfLine, page: { spacing: number; left: number; right: number }): boolean {
  const gap = previous.y - line.y;
  if (gap <= 0) return true;
  if (Math.abs(previous.size - line.size) > 0.1 * Math.max(previous.size, line.size)) return true;
  if (gap > Math.max(1.25 * page.spacing, page.spacing + 0.3) * Math.max(previous.size, line.size)) return true;
  const isShort = previous.right < page.right - 0.15 * (page.right - page.left);
  return isShort && SENTENCE_END.test(previous.text);
}

function headingLevel(block: Block, bodySize: number): number {
  const size = Math.min(...block.lines.map((line) => line.size));
  if (block.lines.length > 3 || block.text.length > 200 || size < 1.2 * bodySize) return 0;
  return size >= 1.6 * bodySize ? 1 : size >= 1.35 * bodySize ? 2 : 3;
}

/** The font size that carries the most characters. */
function findBodySize(lines: PdfLine[]): number {
  const weights = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weights.set(size, (weights.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  for (const [size, weight] of weights) if (weight > (weights.get(best) ?? 0)) best = size;
  return best || 12;
}

/**
 * The distance between baselines within a paragraph, as a multiple of the font size: the lower
 * quartile of the page's gaps. When even that is wide, every gap is a paragraph gap.
 */
function lineSpacingRatio(lines: PdfLine[]): number {
  const ratios: number[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const ratio = (lines[index - 1]!.y - lines[index]!.y) / Math.max(lines[index - 1]!.size, lines[index]!.size);
    if (ratio >= 0.9 && ratio <= 2.5) ratios.push(ratio);
  }
  ratios.sort((a, b) => a - b);
  const ratio = ratios[Math.floor(ratios.length / 4)] ?? 1.2;
  return ratio > 1.6 ? 1.2 : ratio;
}

function dropPageNumbers(lines: PdfLine[]): PdfLine[] {
  const kept = [...lines];
  if (kept.length > 0 && PAGE_NUMBER.test(kept[kept.length - 1]!.text)) kept.pop();
  if (kept.length > 0 && PAGE_NUMBER.test(kept[0]!.text)) kept.shift();
  return kept;
}
