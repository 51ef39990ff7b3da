import { z } from "zod";

/**
 * How widely a lesson is shared, as the corpus meeting note says it ("one participant noted",
 * "a few participants", "participants generally agreed", "views diverged"): one pure function
 * from the stance counts to a class, and one table of thresholds (docs/CONSENSUS.md explains
 * them). Wording per language is in ./wording.ts.
 */
export const CONSENSUS_CLASSES = ["none", "one", "few", "several", "many", "general", "diverged", "questioned"] as const;
export type ConsensusClass = (typeof CONSENSUS_CLASSES)[number];

/** What the phrase is computed from. Eligible: members who may take a stance, counted now. */
export interface StanceCounts {
  endorse: number;
  dispute: number;
  eligible: number;
}

/** The thresholds, configurable per workshop within the bounds of ZConsensusThresholds. */
export interface ConsensusThresholds {
  /** "A few": at most this many endorsements (and "several" from one more). */
  fewMax: number;
  /** "Many": at least this share of the eligible members endorse. */
  manyShare: number;
  /** "Generally agreed": at least this share endorse… */
  generalShare: number;
  /** …and at most this share dispute. */
  generalMaxDisputeShare: number;
  /** "Views diverged": the smaller side is at least this fraction of the larger. */
  divergedRatio: number;
}

export const DEFAULT_THRESHOLDS: ConsensusThresholds = {
  fewMax: 3,
  manyShare: 0.4,
  generalShare: 0.75,
  generalMaxDisputeShare: 0.1,
  divergedRatio: 1 / 3,
};

/** Sane bounds: wide enough for a workshop's own conventions, never so loose the words lie. */
export const ZConsensusThresholds = z
  .object({
    fewMax: z.number().int().min(2, "thresholdOutOfBounds").max(5, "thresholdOutOfBounds"),
    manyShare: z.number().min(0.25, "thresholdOutOfBounds").max(0.6, "thresholdOutOfBounds"),
    generalShare: z.number().min(0.6, "thresholdOutOfBounds").max(1, "thresholdOutOfBounds"),
    generalMaxDisputeShare: z.number().min(0, "thresholdOutOfBounds").max(0.2, "thresholdOutOfBounds"),
    divergedRatio: z.number().min(0.2, "thresholdOutOfBounds").max(0.5, "thresholdOutOfBounds"),
  })
  .refine((t) => t.generalShare > t.manyShare, { message: "thresholdOrder", path: ["generalShare"] });

/**
 * The class of a lesson's support. Disagreement is looked at first: when both sides are
 * substantial, views diverged; when disputes outweigh endorsements threefold (or nobody
 * endorses), the point was questioned. Otherwise the endorsements decide, by count for the
 * small classes ("one", "a few") and by share of the eligible members for the large ones.
 */
export function classifyConsensus({ endorse, dispute, eligible }: StanceCounts, thresholds: ConsensusThresholds = DEFAULT_THRESHOLDS): ConsensusClass {
  if (endorse === 0 && dispute === 0) return "none";
  if (dispute > 0 && (endorse === 0 || dispute > endorse / thresholds.divergedRatio)) return "questioned";
  if (dispute > 0 && Math.min(endorse, dispute) >= thresholds.divergedRatio * Math.max(endorse, dispute)) return "diverged";
  // A single voice is "one participant", even in a workshop of one or two.
  if (endorse === 1) return "one";
  const base = Math.max(eligible, endorse + dispute, 1);
  if (endorse / base >= thresholds.generalShare && dispute / base <= thresholds.generalMaxDisputeShare) return "general";
  if (endorse <= thresholds.fewMax) return "few";
  if (endorse / base >= thresholds.manyShare) return "many";
  return "several";
}

/**
 * Whether exact counts may be shown beside the phrase. A count can single someone out when the
 * room is tiny, when it is one or two, or when it follows from the others by subtraction
 * (eligible − endorse − dispute = those without a stance). So counts are shown only when there
 * are at least three eligible members, every group (endorse, dispute, no stance) is empty or has
 * at least three people, and at least two groups are non-empty: then whoever looks, and whatever
 * their own stance, the others are still split between two groups, and no one's stance follows.
 */
export function mayShowCounts({ endorse, dispute, eligible }: StanceCounts): boolean {
  const withoutStance = eligible - endorse - dispute;
  if (eligible < 3 || withoutStance < 0) return false;
  const groups = [endorse, dispute, withoutStance];
  if (groups.some((size) => size === 1 || size === 2)) return false;
  return groups.filter((size) => size > 0).length >= 2;
}

/** The phrase's class and, when they may be shown, the counts behind it. */
export function describeConsensus(counts: StanceCounts, thresholds: ConsensusThresholds = DEFAULT_THRESHOLDS) {
  const consensus = classifyConsensus(counts, thresholds);
  return mayShowCounts(counts) ? { consensus, counts: { ...counts } } : { consensus, counts: null };
}

export type ConsensusDescription = ReturnType<typeof describeConsensus>;
