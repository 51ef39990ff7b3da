import type { Editor } from "@tiptap/react";
import { lessonInsertion } from "./panel/insert-lesson";
import type { FootnoteChoice } from "./cite/types";

/** The citation node for a footnote choice: a passage (with or without its quote) or free text. */
function citationAttrs(choice: FootnoteChoice) {
  return "passageId" in choice ? { passageId: choice.passageId, note: null, quote: choice.quote } : { passageId: null, note: choice.note, quote: false };
}

/** Inserts a footnote marker at the caret (the last selection, when the focus is elsewhere). */
export function insertFootnote(editor: Editor, choice: FootnoteChoice): void {
  editor.chain().focus().insertContent({ type: "citation", attrs: citationAttrs(choice) }).run();
}

/** Puts a lesson's paragraph at the end of its theme's section (adding the section if need be). */
export function insertLesson(editor: Editor, lesson: { id: string; statement: string }, theme: string | null, themes: readonly string[]): void {
  const { position, content } = lessonInsertion(editor.state.doc, { lessonId: lesson.id, statement: lesson.statement, theme, themes });
  editor.chain().insertContentAt(position, content).scrollIntoView().run();
}
