import type { ConsensusClass } from "@/lib/consensus/consensus";

/**
 * What the note's reference nodes point at, as the resolver (./resolve-note.ts) needs it. The
 * note itself holds ids only (a `lessonRef` holds a lessonId, a `citation` a passageId or a
 * free-text footnote); these are looked up when the note is shown or exported, never written
 * back into the stored note. Client-safe: the editor receives them from the references route
 * and from live events, exports and search from the server loader.
 *
 * Nothing here names a person: a lesson's phrase is its consensus class in words, a passage's
 * citation is its source's bibliographic record.
 */

/** A lesson as a `lessonRef` shows it: the consensus phrase that opens its paragraph. */
export interface LessonReference {
  lessonId: string;
  /**
   * live: the phrase follows the current counts; frozen: fixed at sign-off; held: stances are
   * held until an organizer reveals them (a placeholder phrase); missing: deleted, hidden from
   * this viewer, or merged away (the paragraph keeps its text, the phrase is flagged).
   */
  state: "live" | "frozen" | "held" | "missing";
  /** The consensus class, or null when held or missing. */
  consensus: ConsensusClass | null;
  /** The sentence lead in the note's language, e.g. "Participants generally agreed that". */
  phrase: string;
  /** The lesson's statement (what "Insert" puts after the phrase), null when missing. */
  statement: string | null;
  themeIds: string[];
  /** The lesson this one was merged into, when it was (the note may follow it). */
  mergedIntoId: string | null;
}

/** A passage as a footnote cites it. */
export interface PassageReference {
  passageId: string;
  /** Its source's citation, e.g. `Jane Doe, "Title" (Publisher, 2024), 12.` */
  citation: string;
  sourceId: string;
  sourceTitle: string;
  /** The passage's words (what an "with quote" footnote adds). */
  quote: string;
  /** The passage no longer stands in its source's current text: flagged, never dropped. */
  orphaned: boolean;
}

export interface NoteReferences {
  lessons: Record<string, LessonReference>;
  passages: Record<string, PassageReference>;
}

/** One numbered footnote of a resolved note. */
export interface ResolvedFootnote {
  number: number;
  kind: "passage" | "text";
  passageId: string | null;
  /** The citation text (the source's citation, or the free text). */
  text: string;
  /** The quoted passage when the citation asks for it, else null. */
  quote: string | null;
  /** A passage footnote whose passage is orphaned or unknown. */
  flagged: boolean;
}
