/**
 * The verbatim detector: a run of VERBATIM_WORDS or more consecutive words that also stands in a
 * participant's own contribution (annotation comment, reply, lesson elaboration, evidence note).
 * Verbatim wording can identify its author. Word shingles: every run of VERBATIM_WORDS words is
 * hashed over the words' ids (words folded: no accents, lower case); the contributions' shingle
 * set is built once per check, the note's shingles are looked up in it. Pure.
 */
import type { Word } from "./normalize";
import { foldText, wordsOf } from "./normalize";

export const VERBATIM_WORDS = 12;

export interface ShingleIndex {
  /** Word → small integer, for every word of the contributions. */
  ids: Map<string, number>;
  /** Hashes (53 bits) of every run of VERBATIM_WORDS words of the contributions. */
  keys: Set<number>;
}

/** A run's hash from its words' ids: two 32-bit multiplicative hashes combined into 53 bits. */
function shingleKey(ids: Int32Array | number[], start: number): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let k = start; k < start + VERBATIM_WORDS; k += 1) {
    const id = ids[k]!;
    a = Math.imul(a ^ id, 0x01000193);
    b = Math.imul(b ^ (id + 0x9e3779b9), 0x85ebca6b) ^ (b >>> 13);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** The shingle set of the contributions' texts. */
export function buildShingleIndex(texts: Iterable<string>): ShingleIndex {
  const index: ShingleIndex = { ids: new Map(), keys: new Set() };
  for (const text of texts) {
    const words = wordsOf(foldText(text).lower);
    if (words.length < VERBATIM_WORDS) continue;
    const ids = words.map((word) => {
      let id = index.ids.get(word.text);
      if (id === undefined) index.ids.set(word.text, (id = index.ids.size));
      return id;
    });
    for (let start = 0; start + VERBATIM_WORDS <= ids.length; start += 1) index.keys.add(shingleKey(ids, start));
  }
  return index;
}

/** The ids of a text's words in the index (-1: a word no contribution has). */
function idsOf(index: ShingleIndex, words: readonly Word[]): Int32Array {
  return Int32Array.from(words, (word) => index.ids.get(word.text) ?? -1);
}

/**
 * The shingles of other texts that are also contributions' shingles: words that may be copied
 * without warning (a lesson statement is meant to go into the note; a quoted source passage is
 * nobody's own words).
 */
export function sharedShingles(index: ShingleIndex, texts: Iterable<string>): Set<number> {
  const shared = new Set<number>();
  for (const text of texts) {
    const ids = idsOf(index, wordsOf(foldText(text).lower));
    forEachKnownShingle(ids, (key) => {
      if (index.keys.has(key)) shared.add(key);
    });
  }
  return shared;
}

function forEachKnownShingle(ids: Int32Array, visit: (key: number, start: number) => void): void {
  // The first position from which the next VERBATIM_WORDS words are all known.
  let known = 0;
  for (let end = 0; end < ids.length; end += 1) {
    if (ids[end] === -1) {
      known = end + 1;
      continue;
    }
    const start = end - VERBATIM_WORDS + 1;
    if (start >= known) visit(shingleKey(ids, start), start);
  }
}

export interface VerbatimRun {
  /** Range in the folded text. */
  from: number;
  to: number;
}

/**
 * Runs of the block's words that stand in a contribution. `allowed` is asked only when a run is
 * found (it may be costly to build: the sources' shingles).
 */
export function findVerbatimRuns(index: ShingleIndex, words: readonly Word[], allowed: () => Set<number>): VerbatimRun[] {
  if (words.length < VERBATIM_WORDS || index.keys.size === 0) return [];
  const starts: number[] = [];
  let allowedKeys: Set<number> | undefined;
  forEachKnownShingle(idsOf(index, words), (key, start) => {
    if (index.keys.has(key) && !(allowedKeys ??= allowed()).has(key)) starts.push(start);
  });
  const runs: VerbatimRun[] = [];
  let first = -1;
  let last = -1;
  const close = () => {
    if (first >= 0) runs.push({ from: words[first]!.from, to: words[last + VERBATIM_WORDS - 1]!.to });
  };
  for (const start of starts) {
    // Overlapping or touching shingles are one copied run.
    if (first >= 0 && start <= last + VERBATIM_WORDS) last = start;
    else {
      close();
      first = last = start;
    }
  }
  close();
  return runs;
}
