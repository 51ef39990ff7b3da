/**
 * Text folding for the attribution guard: accents stripped (NFKD, combining marks removed), case
 * folded, typographic apostrophes and dashes made plain, every character of the result mapped
 * back to where it came from, so that a match in the folded text is a range of the original.
 * Pure, no dependencies: runs wherever the detectors run.
 */

export interface FoldedText {
  /** Accents stripped, case kept (for patterns that look at capitals). */
  cased: string;
  /** Accents stripped and lower case: what names and phrases are compared with. */
  lower: string;
  /** For each UTF-16 unit of `cased`/`lower`, the index in the original of the character it came from. */
  origin: Int32Array;
  /** The original's length (the end of a match that reaches the end of the text). */
  length: number;
}

/** Characters NFKD leaves alone that a reader takes for another. */
const EXTRA: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
  "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
};

const MARK = /\p{M}/gu;
const cache = new Map<string, [string, string]>();

function foldCharacter(character: string): [string, string] {
  const cached = cache.get(character);
  if (cached) return cached;
  let cased = EXTRA[character] ?? character.normalize("NFKD").replace(MARK, "");
  let lower = cased.toLowerCase().normalize("NFKD").replace(MARK, "");
  // Both strings share one offset map: when lower-casing changes the length (rare), keep the lower case.
  if (lower.length !== cased.length) cased = lower;
  if (cased.length === 0) [cased, lower] = ["", ""];
  const folded: [string, string] = [cased, lower];
  if (cache.size < 10_000) cache.set(character, folded);
  return folded;
}

/** Folds a text for matching, keeping a map from each folded unit back to the original. */
export function foldText(text: string): FoldedText {
  const cased: string[] = [];
  const lower: string[] = [];
  const origin: number[] = [];
  let index = 0;
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code < 128 && character !== "`") {
      // ASCII: the fast path (most of a note).
      cased.push(character);
      lower.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : character);
      origin.push(index);
    } else {
      const [c, l] = foldCharacter(character);
      cased.push(c);
      lower.push(l);
      for (let unit = 0; unit < c.length; unit += 1) origin.push(index);
    }
    index += character.length;
  }
  return { cased: cased.join(""), lower: lower.join(""), origin: Int32Array.from(origin), length: text.length };
}

/** The range of the original text that a folded range [from, to) came from. */
export function originalRange(folded: FoldedText, from: number, to: number): { from: number; to: number } {
  const start = from < folded.origin.length ? folded.origin[from]! : folded.length;
  // The end: just past the original character that the last folded unit came from.
  const end = to < folded.origin.length ? folded.origin[to]! : folded.length;
  return { from: start, to: Math.max(end, start) };
}

/** A short text folded and with its spaces collapsed (names, organisations, excerpts). */
export function foldPhrase(text: string): string {
  return foldText(text).lower.replace(/\s+/g, " ").trim();
}

export interface Word {
  /** The folded word (lower case, no accents). */
  text: string;
  /** Its range in the folded text. */
  from: number;
  to: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a folded text: runs of letters and digits (apostrophes and hyphens separate words). */
export function wordsOf(folded: string): Word[] {
  const words: Word[] = [];
  for (const match of folded.matchAll(WORD)) words.push({ text: match[0], from: match.index, to: match.index + match[0].length });
  return words;
}

/** Whether a character is part of a word (a letter or a digit). */
export function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}]/u.test(character);
}
