import type { PresentedLesson, PresentedEvidence } from "@/lib/lessons/present";
import type { LessonBoard as Board } from "@/lib/lessons/find-lessons";
import type { ConsensusClass } from "@/lib/consensus/consensus";

/** The presented lesson (lib/lessons/present.ts): the same over HTTP and sockets. */
export type Lesson = PresentedLesson;
export type LessonEvidence = PresentedEvidence;
export type LessonBoard = Board;
export type Stance = "ENDORSE" | "DISPUTE";

export interface SimilarLesson {
  id: string;
  statement: string;
  consensus: { consensus: ConsensusClass; counts: unknown } | null;
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
