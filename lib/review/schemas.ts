import { z } from "zod";
import { CONSENSUS_CLASSES } from "@/lib/consensus/consensus";
import { ZId } from "@/lib/validation";

/**
 * What the review of a workshop (GET /api/workshops/:id/review, the review page) carries: every
 * figure is a count of texts (lessons, passages) derived from what the board and the reader
 * already show, or an intensity level; never a count of people, never who wrote what
 * (docs/ANONYMITY.md, "The review page").
 */

export const ZReviewQuery = z.object({
  /** Coverage counts only what is tagged with this theme (annotations by their themes, evidence by its lesson's). */
  themeId: ZId.optional(),
});
export type ReviewQuery = z.infer<typeof ZReviewQuery>;

export const ZConsensusClass = z.enum(CONSENSUS_CLASSES);

/** How a lesson is supported by the texts: no passage, one passage, several from one source, several sources. */
export const STRENGTH_BUCKETS = ["none", "onePassage", "passages", "sources"] as const;
export const ZStrengthBucket = z.enum(STRENGTH_BUCKETS);
export type StrengthBucket = z.infer<typeof ZStrengthBucket>;

const ZCount = z.number().int().min(0);

/** Per class, how many lessons (a count of texts: each is on the board with its phrase). */
export const ZClassSpread = z.record(ZConsensusClass, ZCount);

export const ZReviewLesson = z.object({
  id: z.string(),
  statement: z.string(),
  /** Null while stances are held. Counts only where they single nobody out (mayShowCounts). */
  consensus: z
    .object({ consensus: ZConsensusClass, counts: z.object({ endorse: ZCount, dispute: ZCount, eligible: ZCount }).nullable() })
    .nullable(),
  strength: z.object({ passages: ZCount, sources: ZCount, bucket: ZStrengthBucket }),
  inNote: z.boolean(),
  isHidden: z.boolean(),
  mine: z.boolean(),
});

export const ZReviewTheme = z.object({
  /** Null for the lessons filed under no theme. */
  id: z.string().nullable(),
  /** Null with the id: the interface names that group in the reader's language. */
  name: z.string().nullable(),
  color: z.string().nullable(),
  lessons: z.array(ZReviewLesson),
  spread: ZClassSpread,
  inNote: ZCount,
  notInNote: ZCount,
});

/** An intensity, never a count: 0 nothing, 1 to 4 from lightly to most closely read (lib/review/buckets.ts). */
export const ZLevel = z.number().int().min(0).max(4);

/** A range in place of an exact count: at least `min`, at most `max` (null: no upper bound). */
export const ZCountRange = z.object({ min: z.number().int().min(1), max: z.number().int().min(1).nullable() });

const ZKinds = z.object({ annotations: z.boolean(), evidence: z.boolean(), footnotes: z.boolean() });

export const ZCitedPassage = z.object({
  passageId: z.string(),
  sourceId: z.string(),
  sourceTitle: z.string(),
  quote: z.string(),
  /** Annotations, lesson evidence and note footnotes together, as a range. */
  cited: ZCountRange,
  kinds: ZKinds,
});

/** One block of the source (paragraph, heading, list item, quote) with its text, offsets into the source's text. */
export const ZCoverageParagraph = z.object({ start: ZCount, end: ZCount, text: z.string(), level: ZLevel, kinds: ZKinds });

export const ZSourceCoverage = z.object({
  id: z.string(),
  title: z.string(),
  paragraphs: z.array(ZCoverageParagraph),
});

export const ZReview = z.object({
  /** Stances are held until an organizer reveals them: no classes anywhere. */
  held: z.boolean(),
  themes: z.array(ZReviewTheme),
  /** Lessons per consensus class and evidence strength (each lesson once). */
  strength: z.array(z.object({ consensus: ZConsensusClass, counts: z.record(ZStrengthBucket, ZCount) })),
  mostCited: z.array(ZCitedPassage),
  coverage: z.object({ themeId: z.string().nullable(), sources: z.array(ZSourceCoverage) }),
  note: z.object({ inNote: ZCount, notInNote: ZCount }),
});

export type Review = z.infer<typeof ZReview>;
export type ReviewLesson = z.infer<typeof ZReviewLesson>;
export type ReviewTheme = z.infer<typeof ZReviewTheme>;
export type CitedPassage = z.infer<typeof ZCitedPassage>;
export type SourceCoverage = z.infer<typeof ZSourceCoverage>;
export type CoverageParagraph = z.infer<typeof ZCoverageParagraph>;
export type CountRange = z.infer<typeof ZCountRange>;
