/**
 * Anchoring figures on the IPI meeting note (26,086 characters once normalized):
 * 1. 1,000 random selections described, then anchored with their position and by quote only;
 * 2. the same 1,000 re-anchored after ~10% of the words were edited (deleted, replaced, given a
 *    typo, or followed by an inserted word), spread over the text by a seeded PRNG.
 */
import { anchor } from "../lib/anchoring/anchor";
import { describeRange } from "../lib/anchoring/describe";
import { reanchorAll } from "../lib/anchoring/reanchor";
import { createPrng, editRandomWords, findWords, IPI_NOTE, randomWordRange, readCorpusText } from "../lib/anchoring/testing";
import type { AnchorMatch, AnchorTarget } from "../lib/anchoring/types";
import type { Bench, BenchRow } from "./run";

const ANNOTATIONS = 1_000;

type Range = { start: number; end: number };
type Counts = { exact: number; fuzzy: number; orphaned: number };

function row(step: string, ms: number, counts?: Counts, misplaced?: number): BenchRow {
  const figures: BenchRow = { step, "total ms": ms.toFixed(1), "µs / annotation": ((ms * 1_000) / ANNOTATIONS).toFixed(0) };
  return counts ? { ...figures, ...counts, misplaced: misplaced ?? "" } : figures;
}

function countMatches(matches: (AnchorMatch | null)[]): Counts {
  return {
    exact: matches.filter((m) => m?.exactMatch).length,
    fuzzy: matches.filter((m) => m && !m.exactMatch).length,
    orphaned: matches.filter((m) => !m).length,
  };
}

/** Anchors each target in `text`; `misplaced` counts matches elsewhere than `expected[i]`. */
function measureAnchor(step: string, text: string, targets: AnchorTarget[], expected: Range[]): BenchRow {
  const started = performance.now();
  const matches = targets.map((target) => anchor(text, target));
  const ms = performance.now() - started;
  const misplaced = matches.filter((m, i) => m && (m.start !== expected[i]!.start || m.end !== expected[i]!.end));
  return row(step, ms, countMatches(matches), misplaced.length);
}

const bench: Bench = async () => {
  const text = readCorpusText(IPI_NOTE);
  const words = findWords(text);
  const random = createPrng(2024);
  const ranges = Array.from({ length: ANNOTATIONS }, () => randomWordRange(random, words, 1, 40));

  // Warm the JIT on other selections so that the figures are not mostly compilation.
  const warmRandom = createPrng(1);
  const warmText = editRandomWords(text, createPrng(2), 0.1).text;
  for (let i = 0; i < 100; i += 1) {
    const range = randomWordRange(warmRandom, words, 1, 40);
    anchor(warmText, describeRange(text, range.start, range.end));
  }

  let started = performance.now();
  const annotations = ranges.map((range, i) => ({ id: String(i), ...describeRange(text, range.start, range.end) }));
  const describeRow = row("describeRange", performance.now() - started);
  const withPosition = measureAnchor("anchor, same text, with position", text, annotations, ranges);
  const quotes = annotations.map((a) => ({ quote: a.quote }));
  const quoteOnly = measureAnchor("anchor, same text, quote only", text, quotes, ranges);

  const edited = editRandomWords(text, createPrng(7), 0.1);
  started = performance.now();
  const { outcomes, counts } = reanchorAll(edited.text, annotations);
  const reanchorMs = performance.now() - started;
  const newRanges = ranges.map((r) => ({ start: edited.mapOffset(r.start), end: edited.mapOffset(r.end) }));
  // After edits, misplaced means: placed where none of the selection's text went.
  const misplaced = outcomes.filter(
    (o, i) => !o.isOrphan && Math.min(o.end, newRanges[i]!.end) <= Math.max(o.start, newRanges[i]!.start),
  ).length;
  const touched = ranges.filter((r, i) => edited.text.slice(newRanges[i]!.start, newRanges[i]!.end) !== text.slice(r.start, r.end));
  const lengths = annotations.map((a) => a.quote.exact.length).sort((a, b) => a - b);

  return {
    title: "Anchoring 1,000 annotations on the IPI note",
    rows: [describeRow, withPosition, quoteOnly, row("reanchorAll after ~10% word edits", reanchorMs, counts, misplaced)],
    notes: [
      `text: ${text.length} chars, ${words.length} words; selections of 1–40 words ` +
        `(median ${lengths[ANNOTATIONS / 2]} chars, longest ${lengths.at(-1)})`,
      `revision: ${edited.edits} word edits (${((100 * edited.edits) / words.length).toFixed(1)}% of the words), ` +
        `${touched.length} of ${ANNOTATIONS} quotes changed by an edit`,
      "misplaced: same text, anchored elsewhere than the selection; after edits, anchored where none of its text went",
    ],
  };
};

export default bench;
