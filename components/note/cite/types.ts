/** A passage offered for a footnote (from a lesson's evidence, an annotation or the reader). */
export interface CitablePassage {
  passageId: string;
  quote: string;
  sourceTitle: string;
}

/** What a footnote is made of: a passage, or free text (the corpus note cites resolutions so). */
export type FootnoteChoice = { passageId: string; quote: boolean } | { note: string };
