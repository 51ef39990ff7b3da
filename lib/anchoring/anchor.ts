import { pickBest, scoreCandidate, type QuoteContext } from "./score";
import { findExact, findFuzzy } from "./search";
import type { AnchorMatch, AnchorTarget } from "./types";

/**
 * Below this score a match is too weak to trust and the annotation is orphaned. An exact quote
 * in unrelated context scores about 0.7; a quote with a word changed and its context intact
 * about 0.9; for 180 selections of the IPI note whose paragraph was deleted, the best place
 * found elsewhere scored 0.74 at most (most had none within the error budget).
 */
export const MIN_ANCHOR_SCORE = 0.75;

/**
 * Quotes shorter than this are ambiguous ("and", a footnote's "UN Doc."): their context must
 * carry more of the evidence, up to `SHORT_QUOTE_MARGIN` more score for a single character.
 * Exact quotes at least this long are accepted whatever their context: they are no accident.
 */
export const DISTINCTIVE_QUOTE_LENGTH = 32;
export const SHORT_QUOTE_MARGIN = 0.1;

/** A fuzzy match this good near the position hint is taken without searching the whole text. */
const NEARBY_TRUSTED_SCORE = 0.85;

/** The position hint as an integer range within the text, or undefined. */
function validPosition(text: string, target: AnchorTarget): { start: number; end: number } | undefined {
  const position = target.position;
  if (!position || !Number.isInteger(position.start) || !Number.isInteger(position.end)) return undefined;
  if (position.start < 0 || position.end > text.length || position.start >= position.end) return undefined;
  return { start: position.start, end: position.end };
}

/**
 * Finds where an annotation's quote is in `text` (the W3C TextQuoteSelector, with the
 * TextPositionSelector as a hint), as Hypothesis anchors annotations:
 * 1. the hinted position, if the text there is the quote and its context agrees;
 * 2. the best exact occurrence, ranked by prefix/suffix similarity then closeness to the hint;
 * 3. the best fuzzy match (up to `maxErrorsFor(quote length)` edits), scored the same way,
 *    looked for near the hint first.
 * Returns null (the annotation is orphaned) when no match scores enough (`minScore`, more for
 * short quotes); a long exact quote is accepted whatever its context.
 */
export function anchor(
  text: string,
  target: AnchorTarget,
  { minScore = MIN_ANCHOR_SCORE }: { minScore?: number } = {},
): AnchorMatch | null {
  const { exact, prefix = "", suffix = "" } = target.quote;
  if (exact.length === 0 || text.length === 0) return null;
  const position = validPosition(text, target);
  const context: QuoteContext = { exact, prefix, suffix, hint: position?.start };
  const shortness = Math.max(0, 1 - exact.length / DISTINCTIVE_QUOTE_LENGTH);
  const required = Math.min(1, minScore + SHORT_QUOTE_MARGIN * shortness);

  if (position && text.slice(position.start, position.end) === exact) {
    const candidate = { ...position, errors: 0 };
    const score = scoreCandidate(text, candidate, context);
    if (score >= required) return { ...position, exactMatch: true, score };
  }

  const exactCandidates = findExact(text, exact);
  const bestExact = pickBest(text, exactCandidates, context);
  if (bestExact && (bestExact.score >= required || exact.length >= DISTINCTIVE_QUOTE_LENGTH)) {
    return { start: bestExact.candidate.start, end: bestExact.candidate.end, exactMatch: true, score: bestExact.score };
  }

  // With exact copies present, the plain fuzzy search would only report those copies again.
  const options = { skipPlain: exactCandidates.length > 0 };
  let best = null;
  if (position) {
    const reach = 1_000 + 2 * exact.length + prefix.length + suffix.length;
    const from = Math.max(0, position.start - reach);
    const to = Math.min(text.length, position.end + reach);
    best = pickBest(text, findFuzzy(text, context, from, to, options), context);
    if ((!best || best.score < NEARBY_TRUSTED_SCORE) && (from > 0 || to < text.length)) {
      const global = pickBest(text, findFuzzy(text, context, 0, text.length, options), context);
      if (global && (!best || global.score > best.score)) best = global;
    }
  } else {
    best = pickBest(text, findFuzzy(text, context, 0, text.length, options), context);
  }
  if (!best || best.score < required) return null;
  return { start: best.candidate.start, end: best.candidate.end, exactMatch: false, score: best.score };
}
