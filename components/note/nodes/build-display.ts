import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { NoteReferences, ResolvedFootnote } from "@/lib/notes/references";
import type { ReferencedIds } from "@/lib/notes/resolve-note";
import type { CitationDisplay, LessonRefDisplay, NoteDisplay } from "./note-display";

/** What the display needs of a resolution (lib/notes/resolve-note's ResolvedNote). */
export interface Resolution {
  doc: JSONContent;
  footnotes: ResolvedFootnote[];
}

export type Resolve = (content: JSONContent, references: NoteReferences) => Resolution;

interface Collected {
  lessons: Map<string, LessonRefDisplay>;
  citations: (CitationDisplay & { passageId: string | null })[];
}

/** The reference nodes of a resolved document, in document order. */
function collect(content: JSONContent, into: Collected): void {
  if (content.type === "lessonRef" && content.attrs) {
    into.lessons.set(String(content.attrs.lessonId), { phrase: String(content.attrs.phrase ?? ""), state: content.attrs.state ?? "missing" });
  } else if (content.type === "citation" && content.attrs) {
    into.citations.push({ number: Number(content.attrs.number), flagged: Boolean(content.attrs.flagged), passageId: content.attrs.passageId ?? null });
  }
  for (const child of content.content ?? []) collect(child, into);
}

/** The ids a document refers to that the references do not cover (yet). */
export function lackingIds(ids: ReferencedIds, references: NoteReferences): ReferencedIds {
  return { lessonIds: ids.lessonIds.filter((id) => !(id in references.lessons)), passageIds: ids.passageIds.filter((id) => !(id in references.passages)) };
}

/**
 * What the editor shows for a document (`doc`, the editor's own, for the citations' positions)
 * with these references: the resolver's phrases and footnote numbers, the numbers keyed by the
 * position of their citation. While `awaited` ids are on their way from the server, their
 * lessons show as loading and their passages are not flagged.
 */
export function buildNoteDisplay(doc: ProseMirrorNode, references: NoteReferences, resolve: Resolve, awaited: ReferencedIds = { lessonIds: [], passageIds: [] }): NoteDisplay {
  const resolution = resolve(doc.toJSON() as JSONContent, references);
  const collected: Collected = { lessons: new Map(), citations: [] };
  collect(resolution.doc, collected);
  for (const id of awaited.lessonIds) collected.lessons.set(id, { phrase: "", state: "loading" });
  const isLoading = (passageId: string | null) => passageId !== null && awaited.passageIds.includes(passageId);
  const citations = new Map<number, CitationDisplay>();
  let index = 0;
  doc.descendants((node, position) => {
    const found = node.type.name === "citation" ? collected.citations[index++] : undefined;
    if (found) citations.set(position, { number: found.number, flagged: found.flagged && !isLoading(found.passageId) });
  });
  const footnotes = resolution.footnotes.map((footnote) => (isLoading(footnote.passageId) ? { ...footnote, flagged: false } : footnote));
  return { isReady: true, lessons: collected.lessons, citations, footnotes };
}

