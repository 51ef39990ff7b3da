import type { ConsensusClass } from "@/lib/consensus/consensus";
import type { PresentedLesson } from "@/lib/lessons/present";
import type { PresentedTheme } from "@/lib/themes/present";
import { strengthBucket } from "./buckets";
import { STRENGTH_BUCKETS, type Review, type ReviewLesson, type ReviewTheme, type StrengthBucket } from "./schemas";

/** The classes from the widest agreement to none, the order of every chart and table of the review. */
export const REVIEW_CLASS_ORDER = ["general", "many", "several", "few", "one", "diverged", "questioned", "none"] as const satisfies readonly ConsensusClass[];

export type ReviewInputLesson = Pick<PresentedLesson, "id" | "statement" | "themeIds" | "consensus" | "strength" | "inNote" | "isHidden" | "mine">;

const emptySpread = (): Record<ConsensusClass, number> => Object.fromEntries(REVIEW_CLASS_ORDER.map((name) => [name, 0])) as Record<ConsensusClass, number>;

function reviewLesson(lesson: ReviewInputLesson): ReviewLesson {
  return {
    id: lesson.id,
    statement: lesson.statement,
    consensus: lesson.consensus,
    strength: { ...lesson.strength, bucket: strengthBucket(lesson.strength) },
    inNote: lesson.inNote,
    isHidden: lesson.isHidden,
    mine: lesson.mine,
  };
}

function themeOf(theme: { id: string | null; name: string | null; color: string | null }, lessons: readonly ReviewLesson[]): ReviewTheme {
  const spread = emptySpread();
  for (const lesson of lessons) if (lesson.consensus) spread[lesson.consensus.consensus] += 1;
  const inNote = lessons.filter((lesson) => lesson.inNote).length;
  return { ...theme, lessons: [...lessons], spread, inNote, notInNote: lessons.length - inNote };
}

/**
 * The lessons part of the review, from the board's presented lessons (already filtered for the
 * viewer: hidden ones only for their author and the organizers; in board order). Every figure
 * counts lessons by their phrase or their evidence, so it says nothing the board does not.
 */
export function summarizeLessons(
  lessons: readonly ReviewInputLesson[],
  themes: readonly Pick<PresentedTheme, "id" | "name" | "color">[],
): Pick<Review, "themes" | "strength" | "note"> {
  const reviewed = lessons.map((lesson) => ({ lesson: reviewLesson(lesson), themeIds: lesson.themeIds }));
  const known = new Set(themes.map((theme) => theme.id));
  const themed = themes.map((theme) =>
    themeOf(
      { id: theme.id, name: theme.name, color: theme.color },
      reviewed.filter((entry) => entry.themeIds.includes(theme.id)).map((entry) => entry.lesson),
    ),
  );
  const unthemed = reviewed.filter((entry) => !entry.themeIds.some((id) => known.has(id))).map((entry) => entry.lesson);
  const strength = REVIEW_CLASS_ORDER.map((consensus) => ({
    consensus,
    counts: Object.fromEntries(STRENGTH_BUCKETS.map((bucket) => [bucket, 0])) as Record<StrengthBucket, number>,
  }));
  for (const { lesson } of reviewed) {
    if (!lesson.consensus) continue;
    strength.find((row) => row.consensus === lesson.consensus!.consensus)!.counts[lesson.strength.bucket] += 1;
  }
  const inNote = reviewed.filter(({ lesson }) => lesson.inNote).length;
  return {
    themes: unthemed.length > 0 ? [...themed, themeOf({ id: null, name: null, color: null }, unthemed)] : themed,
    strength,
    note: { inNote, notInNote: reviewed.length - inNote },
  };
}
