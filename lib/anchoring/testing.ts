/**
 * Fixtures shared by the anchoring tests and bench/anchoring.bench.ts: corpus texts, a seeded
 * PRNG, random selections and random word edits that keep track of where old offsets went.
 * Not imported by application code.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeSourceText } from "../sources/normalize-text";

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/seed/corpus");

/** A corpus document, normalized as sources are stored. */
export function readCorpusText(fileName: string): string {
  return normalizeSourceText(fs.readFileSync(path.join(CORPUS, fileName), "utf8"));
}

export const IPI_NOTE = "ipi-emerging-lessons-from-minusma-2024.md";
export const CSIS_BRIEF = "csis-examining-extremism-jnim.txt";

/** Deterministic PRNG (mulberry32) returning floats in [0, 1). */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [min, max]. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Word spans of a text. */
export function findWords(text: string): { start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A selection of `minWords` to `maxWords` whole words, as a reader would make. */
export function randomWordRange(
  random: () => number,
  words: { start: number; end: number }[],
  minWords = 1,
  maxWords = 40,
): { start: number; end: number } {
  const count = randomInt(random, minWords, maxWords);
  const first = randomInt(random, 0, words.length - count);
  return { start: words[first]!.start, end: words[first + count - 1]!.end };
}

type Edit = { oldStart: number; oldEnd: number; insert: string };

/** The revised text and a map from old offsets to new ones (an offset inside an edit maps to its start). */
export type EditedText = { text: string; edits: number; mapOffset: (offset: number) => number };

/** Applies non-overlapping replacements sorted by position. */
export function applyEdits(text: string, edits: Edit[]): EditedText {
  const pieces: string[] = [];
  const shifts: { oldStart: number; oldEnd: number; newStart: number; delta: number }[] = [];
  let last = 0;
  let delta = 0;
  for (const edit of edits) {
    pieces.push(text.slice(last, edit.oldStart), edit.insert);
    shifts.push({ oldStart: edit.oldStart, oldEnd: edit.oldEnd, newStart: edit.oldStart + delta, delta: 0 });
    delta += edit.insert.length - (edit.oldEnd - edit.oldStart);
    shifts[shifts.length - 1]!.delta = delta;
    last = edit.oldEnd;
  }
  pieces.push(text.slice(last));
  const mapOffset = (offset: number) => {
    let mapped = offset;
    for (const shift of shifts) {
      if (offset >= shift.oldEnd) mapped = offset + shift.delta;
      else if (offset > shift.oldStart) return shift.newStart;
      else break;
    }
    return mapped;
  };
  return { text: pieces.join(""), edits: edits.length, mapOffset };
}

/**
 * Edits `fraction` of the words, spread over the text: each is deleted, replaced by another
 * word of the text, given a typo, or followed by an inserted word.
 */
export function editRandomWords(text: string, random: () => number, fraction: number): EditedText {
  const words = findWords(text);
  const edits: Edit[] = [];
  for (const word of words) {
    if (random() >= fraction) continue;
    const original = text.slice(word.start, word.end);
    const other = words[randomInt(random, 0, words.length - 1)]!;
    const otherText = text.slice(other.start, other.end);
    const kind = randomInt(random, 0, 3);
    if (kind === 0) edits.push({ oldStart: word.start, oldEnd: word.end, insert: "" });
    else if (kind === 1) edits.push({ oldStart: word.start, oldEnd: word.end, insert: otherText });
    else if (kind === 2) edits.push({ oldStart: word.start, oldEnd: word.end, insert: original.slice(1) + original[0] });
    else edits.push({ oldStart: word.end, oldEnd: word.end, insert: ` ${otherText}` });
  }
  return applyEdits(text, edits);
}
