import type { CountRange, StrengthBucket } from "./schemas";

/**
 * Counts the review shows only as ranges or levels (docs/ANONYMITY.md, "The review page"): no
 * figure says "one annotation" or "two footnotes", so that a figure never states how little one
 * person did, even about items the viewer could look up one by one.
 */

/** How many times a passage was cited, as a range; the lowest range always holds 1 and 2. */
const CITATION_RANGES: readonly CountRange[] = [
  { min: 1, max: 2 },
  { min: 3, max: 5 },
  { min: 6, max: 10 },
  { min: 11, max: 25 },
  { min: 26, max: null },
];

export function citationRange(count: number): CountRange | null {
  if (count <= 0) return null;
  return CITATION_RANGES.find((range) => range.max === null || count <= range.max)!;
}

/**
 * A paragraph's intensity from 1 to 4 relative to the busiest paragraph of its source (0 when
 * nothing touched it). Level 1 always covers counts 1 and 2, so a level never tells one
 * contribution from two.
 */
export function intensityLevel(count: number, busiest: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0) return 0;
  if (count <= Math.max(2, Math.ceil(busiest / 4))) return 1;
  if (count >= busiest) return 4;
  if (count <= Math.ceil(busiest / 2)) return 2;
  if (count <= Math.ceil((busiest * 3) / 4)) return 3;
  return 4;
}

/** A lesson's evidence strength: distinct placed passages and the distinct sources they come from. */
export function strengthBucket({ passages, sources }: { passages: number; sources: number }): StrengthBucket {
  if (passages === 0) return "none";
  if (passages === 1) return "onePassage";
  return sources >= 2 ? "sources" : "passages";
}
