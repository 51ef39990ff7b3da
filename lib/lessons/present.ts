import type { Lesson, LessonEvidence, LessonTheme, Passage, StanceKind } from "@/lib/generated/prisma/client";
import { describeConsensus, type ConsensusClass, type ConsensusThresholds } from "@/lib/consensus/consensus";
import { presentPassage } from "@/lib/passages/present";
import { coarsenTime } from "@/lib/time/coarse-time";
import type { Audience } from "@/lib/annotations/audience";

export type LessonEvidenceWithPassage = LessonEvidence & { passage: Passage & { source: { id: string; title: string; position: number } } };
export type LessonWithRelations = Lesson & { themes: LessonTheme[]; evidence: LessonEvidenceWithPassage[] };

export const LESSON_INCLUDE = {
  themes: true,
  evidence: { include: { passage: { include: { source: { select: { id: true, title: true, position: true } } } } } },
} as const;

/** What the phrase of every lesson in a workshop is computed with, at the moment of presenting. */
export interface LessonContext {
  /** Members who may take a stance now (rolesAllowedTo("lessons.stance")). */
  eligible: number;
  thresholds: ConsensusThresholds;
  /** Stances kept hidden until an organizer reveals them: each member sees only their own. */
  held: boolean;
  /** The lessons the meeting note refers to (a lessonRef): marked "in the note" on the board. */
  noteLessonIds: ReadonlySet<string>;
}

/** A lesson's stances as one viewer may know them: the totals, and their own. */
export interface LessonTally {
  endorse: number;
  dispute: number;
  myStance: StanceKind | null;
}

/**
 * The sort key of the board when the counts may be shown: the endorsing share of the eligible
 * members, rounded to 0.05. When they may not (docs/CONSENSUS.md, small groups), an exact
 * share would give the counts away, through the number or through the order, so the key is a
 * fixed value per phrase: the order then tells no more than the phrases do.
 */
const CLASS_AGREEMENT: Record<ConsensusClass, number> = {
  general: 0.9,
  many: 0.5,
  several: 0.3,
  few: 0.2,
  one: 0.1,
  diverged: 0.05,
  none: 0,
  questioned: 0,
};

function agreementOf(consensus: ReturnType<typeof describeConsensus>): number {
  if (!consensus.counts) return CLASS_AGREEMENT[consensus.consensus];
  const share = consensus.counts.eligible > 0 ? consensus.counts.endorse / consensus.counts.eligible : 0;
  return Math.round(share * 20) / 20;
}

function presentEvidence(evidence: LessonEvidenceWithPassage) {
  return {
    id: evidence.id,
    note: evidence.note,
    passage: presentPassage(evidence.passage),
    source: { id: evidence.passage.source.id, title: evidence.passage.source.title },
  };
}

/** Evidence in reading order (source, then place in it), never in the order it was added. */
function byReadingOrder(a: LessonEvidenceWithPassage, b: LessonEvidenceWithPassage): number {
  return (
    a.passage.source.position - b.passage.source.position ||
    a.passage.sourceId.localeCompare(b.passage.sourceId) ||
    (a.passage.start ?? Infinity) - (b.passage.start ?? Infinity) ||
    a.id.localeCompare(b.id)
  );
}

/** The phrase (and counts where they single nobody out) one viewer sees; null while stances are held. */
export function consensusOf(tally: LessonTally, context: LessonContext) {
  return context.held ? null : describeConsensus({ endorse: tally.endorse, dispute: tally.dispute, eligible: context.eligible }, context.thresholds);
}

/** The phrase's class (with counts where allowed) and the board's sort key, as one viewer sees them. */
export function presentConsensus(tally: LessonTally, context: LessonContext) {
  const consensus = consensusOf(tally, context);
  return {
    consensus: consensus ? { consensus: consensus.consensus, counts: consensus.counts } : null,
    agreement: consensus ? agreementOf(consensus) : null,
  };
}

/**
 * A lesson as one viewer sees it: `mine` (they wrote it) and `myStance`, never who wrote it or
 * who took which stance. The consensus is the phrase's class, with counts only where they
 * single nobody out; while stances are held, neither (each member knows only their own).
 */
export function presentLesson(lesson: LessonWithRelations, tally: LessonTally, context: LessonContext, audience: Audience) {
  const placed = lesson.evidence.filter((item) => item.passage.state !== "ORPHANED");
  return {
    id: lesson.id,
    statement: lesson.statement,
    elaboration: lesson.elaboration,
    themeIds: lesson.themes.map((theme) => theme.themeId).sort(),
    evidence: [...lesson.evidence].sort(byReadingOrder).map(presentEvidence),
    strength: {
      passages: new Set(placed.map((item) => item.passageId)).size,
      sources: new Set(placed.map((item) => item.passage.sourceId)).size,
    },
    ...presentConsensus(tally, context),
    myStance: tally.myStance,
    mine: audience.ownership.owns({ kind: "lesson", id: lesson.id }, lesson.ownerTag),
    isHidden: lesson.hiddenAt !== null,
    isEdited: lesson.editedAt !== null,
    inNote: context.noteLessonIds.has(lesson.id),
    when: coarsenTime(lesson.createdAt),
  };
}

export type PresentedLesson = ReturnType<typeof presentLesson>;
export type PresentedEvidence = ReturnType<typeof presentEvidence>;
