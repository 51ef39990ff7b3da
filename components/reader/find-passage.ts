import { findExact, findFuzzy } from "@/lib/anchoring/search";
import type { TextRange } from "./word-range";

/** Characters a query typed on a keyboard writes differently from a typeset source. */
const FOLDS: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
  "\u00a0": " ", "\u202f": " ", "\n": " ", "\t": " ", "\r": " ",
};

/**
 * The text folded for searching: lower case, typographic quotes, dashes and odd spaces made
 * plain. Each UTF-16 unit stays one unit (a character whose lower case is longer is kept as
 * it is), so offsets in the folded text are offsets in the original.
 */
export function foldForSearch(text: string): string {
  let folded = "";
  for (const char of text) {
    const fold = FOLDS[char];
    if (fold !== undefined) folded += fold;
    else {
      const lower = char.toLowerCase();
      folded += lower.length === char.length ? lower : char;
    }
  }
  return folded;
}

/**
 * Edits tolerated between a query and a passage: none for a word of a few letters (any short
 * string is a few edits from something), then about one per six characters — a typo or two in
 * a phrase, a changed punctuation mark — far fewer than anchoring's half of the quote, since a
 * person typing expects to find what they typed.
 */
export function allowedErrors(queryLength: number): number {
  return queryLength < 5 ? 0 : Math.max(1, Math.floor(queryLength / 6));
}

export interface FoundPassage extends TextRange {
  /** False when the passage differs from the query (a typo, other punctuation). */
  isExact: boolean;
}

/**
 * Where a person's query is in the text: the first match at or after `from` (wrapping round
 * to the beginning), case-insensitive and with typographic punctuation folded; when there is
 * none, the closest approximate matches found with the anchoring's fuzzy search
 * (approx-string-match), within `allowedErrors`. Null when nothing is close enough.
 */
export function findPassage(text: string, query: string, from = 0): FoundPassage | null {
  const needle = foldForSearch(query.trim()).replace(/ {2,}/g, " ");
  if (!needle) return null;
  const haystack = foldForSearch(text);
  const exact = findExact(haystack, needle);
  if (exact.length > 0) return { ...pickFrom(exact, from), isExact: true };

  const budget = allowedErrors(needle.length);
  if (budget === 0) return null;
  const fuzzy = findFuzzy(haystack, { exact: needle, prefix: "", suffix: "" })
    .filter((match) => match.errors <= budget)
    .sort((a, b) => a.start - b.start || a.errors - b.errors);
  // A fuzzy search reports neighbouring matches of one place (one character more or less):
  // keep the closest of each cluster.
  const places: typeof fuzzy = [];
  for (const match of fuzzy) {
    const last = places.at(-1);
    if (last && match.start < last.end) {
      if (match.errors < last.errors) places[places.length - 1] = match;
    } else places.push(match);
  }
  if (places.length === 0) return null;
  const found = snapToWords(text, trimSpaces(text, pickFrom(places, from)));
  return found.end > found.start ? { ...found, isExact: false } : null;
}

/** The first range starting at or after `from`, else the first of all (the search wraps). */
function pickFrom<T extends TextRange>(ranges: readonly T[], from: number): TextRange {
  const range = ranges.find((candidate) => candidate.start >= from) ?? ranges[0]!;
  return { start: range.start, end: range.end };
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The character (one code point, one or two units) just before / from an offset. */
function charBefore(text: string, at: number): string {
  return at >= 2 && isLow(text.charCodeAt(at - 1)) && isHigh(text.charCodeAt(at - 2)) ? text.slice(at - 2, at) : text.slice(at - 1, at);
}
function charAt(text: string, at: number): string {
  return at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : "";
}

/**
 * An approximate match may stop inside a word ("to ke" for "to kep" in "to keep"): it is
 * widened to whole words. Its ends are first moved off the middle of a surrogate pair.
 */
function snapToWords(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  if (start > 0 && isLow(text.charCodeAt(start))) start -= 1;
  if (end < text.length && isLow(text.charCodeAt(end))) end += 1;
  const isWordChar = (char: string) => WORD_CHAR.test(char);
  while (start > 0 && isWordChar(charAt(text, start)) && isWordChar(charBefore(text, start))) start -= charBefore(text, start).length;
  while (end < text.length && isWordChar(charBefore(text, end)) && isWordChar(charAt(text, end))) end += charAt(text, end).length;
  return { start, end };
}

/** An approximate match may take in a space at either end; a passage does not. */
function trimSpaces(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return { start, end };
}
