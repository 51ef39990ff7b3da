import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { themeNameKey } from "@/lib/themes/name-key";

interface Heading {
  position: number;
  /** Where its section ends: the next heading of the same or a higher rank, or the document's end. */
  end: number;
  key: string;
}

function headingsOf(doc: ProseMirrorNode): Heading[] {
  const found: { position: number; level: number; key: string }[] = [];
  doc.forEach((node, position) => {
    if (node.type.name === "heading") found.push({ position, level: Number(node.attrs.level), key: themeNameKey(node.textContent) });
  });
  return found.map((heading, index) => {
    const next = found.slice(index + 1).find((other) => other.level <= heading.level);
    return { position: heading.position, key: heading.key, end: next ? next.position : doc.content.size };
  });
}

/** A lesson's paragraph: its live phrase, then its statement as ordinary, editable text. */
export function lessonParagraph(lessonId: string, statement: string): JSONContent {
  return { type: "paragraph", content: [{ type: "lessonRef", attrs: { lessonId } }, { type: "text", text: ` ${statement}` }] };
}

export interface LessonInsertion {
  position: number;
  content: JSONContent[];
}

/**
 * Where a lesson goes in the note and what is inserted there: a new paragraph at the end of its
 * theme's section (the heading named like the theme, compared as theme names are). A missing
 * section is added first, in codebook order among the theme sections there are (after the one
 * before it, or before the one after it), or at the end of the note when there is none. A lesson with no theme goes at the end of the note.
 */
export function lessonInsertion(
  doc: ProseMirrorNode,
  { lessonId, statement, theme, themes }: { lessonId: string; statement: string; theme: string | null; themes: readonly string[] },
): LessonInsertion {
  const paragraph = lessonParagraph(lessonId, statement);
  if (theme === null) return { position: doc.content.size, content: [paragraph] };
  const headings = headingsOf(doc);
  const key = themeNameKey(theme);
  const section = headings.find((heading) => heading.key === key);
  if (section) return { position: section.end, content: [paragraph] };
  const heading: JSONContent = { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: theme }] };
  const index = themes.findIndex((name) => themeNameKey(name) === key);
  const sectionOf = (name: string) => headings.find((candidate) => candidate.key === themeNameKey(name));
  const before = index > 0 ? themes.slice(0, index).reverse().map(sectionOf).find(Boolean) : undefined;
  const after = index >= 0 ? themes.slice(index + 1).map(sectionOf).find(Boolean) : undefined;
  const position = before ? before.end : after ? after.position : doc.content.size;
  return { position, content: [heading, paragraph] };
}
