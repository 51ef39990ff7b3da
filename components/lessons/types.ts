import type { ConsensusClass, ConsensusThresholds } from "@/lib/consensus/consensus";
import type { PresentedPassage } from "@/lib/passages/present";
import type { CoarseTime } from "@/lib/time/coarse-time";

/**
 * The presented lesson as the contract (briefs/lessons-contract.md) describes it: what the
 * HTTP API and the socket events carry. Declared here for the board and the form.
 */
export type Stance = "ENDORSE" | "DISPUTE";

export interface LessonEvidence {
  id: string;
  note: string;
  passage: PresentedPassage;
  source: { id: string; title: string };
}

export interface Lesson {
  id: string;
  statement: string;
  elaboration: string;
  themeIds: string[];
  evidence: LessonEvidence[];
  strength: { passages: number; sources: number };
  consensus: { consensus: ConsensusClass; counts: { endorse: number; dispute: number; eligible: number } | null } | null;
  agreement: number | null;
  myStance: Stance | null;
  mine: boolean;
  isHidden: boolean;
  isEdited: boolean;
  when: CoarseTime;
}

export interface LessonBoard {
  lessons: Lesson[];
  held: boolean;
  notices: { lessonId: string }[];
  thresholds: ConsensusThresholds;
}

export interface SimilarLesson {
  id: string;
  statement: string;
  consensus: Lesson["consensus"];
  myStance: Stance | null;
  score: number;
}

/** Evidence as the form sends it: a passage already picked, or a selection in a source. */
export type EvidenceInput = { passageId: string; note?: string } | { sourceId: string; start: number; end: number; revision: number; note?: string };

export interface LessonInput {
  statement: string;
  elaboration?: string;
  themeIds: string[];
  evidence?: EvidenceInput[];
}
