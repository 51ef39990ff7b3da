import { Node, type AnyExtension } from "@tiptap/core";
import { ReactNodeViewRenderer } from "@tiptap/react";
import { createCitationView } from "./CitationView";
import { createLessonRefView } from "./LessonRefView";
import type { NoteDisplayStore } from "./note-display";

/**
 * The note's content extensions with the editor's views of the reference nodes: the same nodes
 * (so the schema stays the one of lib/notes/editor-extensions), shown through React components
 * that read the resolved phrases and numbers from `store`.
 */
export function withNodeViews(extensions: AnyExtension[], store: NoteDisplayStore): AnyExtension[] {
  const LessonRefView = createLessonRefView(store);
  const CitationView = createCitationView(store);
  return extensions.map((extension) => {
    if (!(extension instanceof Node)) return extension;
    if (extension.name === "lessonRef") return extension.extend({ addNodeView: () => ReactNodeViewRenderer(LessonRefView, { as: "span" }) });
    if (extension.name === "citation") return extension.extend({ addNodeView: () => ReactNodeViewRenderer(CitationView, { as: "span" }) });
    return extension;
  });
}
