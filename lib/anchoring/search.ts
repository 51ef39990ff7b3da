import approxSearch from "approx-string-match";
import type { Candidate, QuoteContext } from "./score";

/** Most edits tolerated in a fuzzy search, as Hypothesis: half the pattern, at most 256. */
export function maxErrorsFor(patternLength: number): number {
  return Math.min(256, Math.floor(patternLength / 2));
}

/** Every occurrence of `exact` in `text`, overlapping ones included. */
export function findExact(text: string, exact: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

/**
 * The matches of `pattern` with the fewest edits, up to `maxErrorsFor(pattern.length)`. Tries a
 * small error budget first: the search costs grow with the budget, most revised quotes need
 * few edits, and when any match is within the small budget the result is the same.
 */
function searchFewestErrors(text: string, pattern: string): Candidate[] {
  const maxErrors = maxErrorsFor(pattern.length);
  const firstBudget = Math.min(maxErrors, Math.max(2, Math.ceil(pattern.length / 8)));
  const found = approxSearch(text, pattern, firstBudget);
  return found.length > 0 || firstBudget === maxErrors ? found : approxSearch(text, pattern, maxErrors);
}

/**
 * Fuzzy candidates for the quote within text[from, to): the closest matches of the quote, and
 * the closest matches of the quote inside the regions where the whole context
 * (prefix + exact + suffix) matches best. The latter find a quote that was edited even when
 * closer copies exist elsewhere, since a fuzzy search only reports the matches with fewest edits.
 */
export function findFuzzy(
  text: string,
  context: QuoteContext,
  from = 0,
  to = text.length,
  { skipPlain = false }: { skipPlain?: boolean } = {},
): Candidate[] {
  const { exact, prefix, suffix } = context;
  const slice = text.slice(from, to);
  const found = skipPlain ? [] : searchFewestErrors(slice, exact);
  if (prefix || suffix) {
    for (const region of searchFewestErrors(slice, prefix + exact + suffix)) {
      const regionFrom = Math.max(0, region.start - 8);
      const window = slice.slice(regionFrom, region.end + 8);
      for (const match of searchFewestErrors(window, exact)) {
        found.push({ ...match, start: regionFrom + match.start, end: regionFrom + match.end });
      }
    }
  }
  return found.map((match) => ({ ...match, start: from + match.start, end: from + match.end }));
}
