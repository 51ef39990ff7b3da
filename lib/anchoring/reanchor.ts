import { anchor } from "./anchor";
import type { AnchorTarget } from "./types";

/** An annotation's stored target: its quote and, unless it is orphaned, its last position. */
export type StoredTarget<Id = string> = AnchorTarget & { id: Id };

/** Where an annotation goes in the revised text. Orphans keep their quote; their offsets are null. */
export type ReanchorOutcome<Id = string> =
  | { id: Id; isOrphan: false; start: number; end: number; exactMatch: boolean; score: number }
  | { id: Id; isOrphan: true; start: null; end: null };

export type ReanchorSummary<Id = string> = {
  /** One outcome per annotation, in the order given. */
  outcomes: ReanchorOutcome<Id>[];
  /** Ids of the annotations that could not be placed (also in `outcomes`). */
  orphans: Id[];
  counts: { exact: number; fuzzy: number; orphaned: number };
};

/**
 * Re-anchors every annotation of a source in its revised text (when an organizer edits the
 * text, or to retry orphans). Never drops one: each gets an outcome, orphans are listed. The
 * stored quote is not rewritten; call `describeRange` on the new offsets to refresh it.
 */
export function reanchorAll<Id = string>(
  newText: string,
  annotations: readonly StoredTarget<Id>[],
  options: { minScore?: number } = {},
): ReanchorSummary<Id> {
  const outcomes: ReanchorOutcome<Id>[] = [];
  const orphans: Id[] = [];
  const counts = { exact: 0, fuzzy: 0, orphaned: 0 };
  for (const annotation of annotations) {
    const match = anchor(newText, annotation, options);
    if (!match) {
      outcomes.push({ id: annotation.id, isOrphan: true, start: null, end: null });
      orphans.push(annotation.id);
      counts.orphaned += 1;
      continue;
    }
    outcomes.push({ id: annotation.id, isOrphan: false, ...match });
    if (match.exactMatch) counts.exact += 1;
    else counts.fuzzy += 1;
  }
  return { outcomes, orphans, counts };
}
