export interface TextRange {
  start: number;
  end: number;
}

/** Which end of a passage moves, and which way: `earlier` is towards the text's beginning. */
export type RangeEdge = "start" | "end";
export type RangeMove = "earlier" | "later";

/**
 * How far around an end words are looked for: a window keeps each step cheap in a long
 * source, and no word in a source comes near this length.
 */
const WINDOW = 400;

// Made on first use: building a word segmenter loads the browser's word-break data, which a
// page load that never adjusts a passage does not need.
let segmenter: Intl.Segmenter | null = null;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The words (letters and digits, as the Unicode word-break rules see them, in any script)
 * around `at`, as offsets into `text`. Word boundaries are grapheme boundaries, so no offset
 * returned ever falls inside a surrogate pair or a combined character.
 */
function wordsAround(text: string, at: number): TextRange[] {
  let from = Math.max(0, at - WINDOW);
  const to = Math.min(text.length, at + WINDOW);
  // A window must not begin with half a character.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  const words: TextRange[] = [];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  for (const part of segmenter.segment(text.slice(from, to))) {
    if (part.isWordLike) words.push({ start: from + part.index, end: from + part.index + part.segment.length });
  }
  // The window may cut the first and last words short: keep only words it holds whole.
  return words.filter((word) => (word.start > from || from === 0) && (word.end < to || to === text.length));
}

/**
 * A pending passage moved by one word at one end, as a person adjusting a selection expects:
 * - the end `later` takes in the next word (or finishes the word it cuts); `earlier` drops the
 *   last word (or the part of one it holds);
 * - the start `earlier` takes in the previous word (or the rest of the word it cuts); `later`
 *   drops the first word.
 * Ends land on word boundaries, never inside a character. A passage keeps at least one word:
 * a move that would empty it, or that finds no word, returns the range unchanged.
 */
export function moveRangeEdge(text: string, range: TextRange, edge: RangeEdge, move: RangeMove): TextRange {
  const at = edge === "start" ? range.start : range.end;
  const words = wordsAround(text, at);
  if (edge === "end" && move === "later") {
    const next = words.find((word) => word.end > range.end);
    return next ? { start: range.start, end: next.end } : range;
  }
  if (edge === "end") {
    const lastIndex = words.findLastIndex((word) => word.start < range.end);
    const previous = lastIndex > 0 ? words[lastIndex - 1]! : null;
    return previous && previous.end > range.start ? { start: range.start, end: previous.end } : range;
  }
  if (move === "earlier") {
    const previous = words.findLast((word) => word.start < range.start);
    return previous ? { start: previous.start, end: range.end } : range;
  }
  const firstIndex = words.findIndex((word) => word.end > range.start);
  const next = firstIndex >= 0 ? words[firstIndex + 1] : undefined;
  return next && next.start < range.end ? { start: next.start, end: range.end } : range;
}
