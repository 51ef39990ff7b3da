import approxSearch from "approx-string-match";

/** Weights of a candidate's score, as in Hypothesis' `matchQuote`: the position only breaks ties. */
export const SCORE_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

const MAX_RAW_SCORE = SCORE_WEIGHTS.quote + SCORE_WEIGHTS.prefix + SCORE_WEIGHTS.suffix + SCORE_WEIGHTS.position;

/** A place where the quote may be: [start, end) and its edit distance to the quote. */
export type Candidate = { start: number; end: number; errors: number };

/** What the quote looked like where it was made. */
export type QuoteContext = { exact: string; prefix: string; suffix: string; hint?: number };

/**
 * Similarity between 0 and 1 of `expected` to the best matching part of `actual`:
 * 1 - (edit distance / expected length). 1 when nothing was expected.
 */
export function textSimilarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual === expected) return 1;
  const [best] = approxSearch(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

/**
 * Scores a candidate between 0 and 1 from the quote's similarity, the similarity of the text
 * around it to the stored prefix and suffix, and its distance from the position hint.
 */
export function scoreCandidate(text: string, candidate: Candidate, context: QuoteContext): number {
  const { exact, prefix, suffix, hint } = context;
  const quoteScore = 1 - Math.min(1, candidate.errors / exact.length);
  const before = text.slice(Math.max(0, candidate.start - prefix.length), candidate.start);
  const after = text.slice(candidate.end, candidate.end + suffix.length);
  const positionScore = hint === undefined ? 1 : 1 - Math.abs(candidate.start - hint) / Math.max(1, text.length);
  const raw =
    SCORE_WEIGHTS.quote * quoteScore +
    SCORE_WEIGHTS.prefix * textSimilarity(before, prefix) +
    SCORE_WEIGHTS.suffix * textSimilarity(after, suffix) +
    SCORE_WEIGHTS.position * positionScore;
  return raw / MAX_RAW_SCORE;
}

/** The highest-scoring candidate with its score; the earlier one on ties. */
export function pickBest(
  text: string,
  candidates: Iterable<Candidate>,
  context: QuoteContext,
): { candidate: Candidate; score: number } | null {
  let best: { candidate: Candidate; score: number } | null = null;
  for (const candidate of candidates) {
    const score = scoreCandidate(text, candidate, context);
    if (!best || score > best.score) best = { candidate, score };
  }
  return best;
}
