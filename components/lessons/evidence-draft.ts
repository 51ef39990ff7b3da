import type { EvidenceInput, Lesson } from "./types";

/** A passage on the form's evidence list: what is sent, and what the person sees of it. */
export interface EvidenceDraft {
  /** Stable within the form: the passage's id, or the selection's place. */
  key: string;
  input: EvidenceInput;
  quote: string;
  sourceTitle: string;
  note: string;
}

export function draftFromPassage(passage: { id: string; quote: { exact: string }; source: { title: string } }, note = ""): EvidenceDraft {
  return { key: passage.id, input: { passageId: passage.id }, quote: passage.quote.exact, sourceTitle: passage.source.title, note };
}

export function draftFromSelection(selection: { sourceId: string; start: number; end: number; revision: number; quote: string; sourceTitle: string }): EvidenceDraft {
  const { quote, sourceTitle, ...place } = selection;
  return { key: `${place.sourceId}:${place.start}-${place.end}`, input: place, quote, sourceTitle, note: "" };
}

export function draftsOfLesson(lesson: Lesson): EvidenceDraft[] {
  return lesson.evidence.map((item) => draftFromPassage({ ...item.passage, source: item.source }, item.note));
}

/** What the API receives: each passage with its note, when there is one. */
export function evidenceInputs(drafts: EvidenceDraft[]): EvidenceInput[] {
  return drafts.map(({ input, note }) => (note.trim() ? { ...input, note: note.trim() } : input));
}
