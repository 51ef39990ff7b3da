import { describe, expect, it } from "vitest";
import { getSchema, type JSONContent } from "@tiptap/core";
import { Fragment, Node as ProseMirrorNode, Slice } from "@tiptap/pm/model";
import { noteContentExtensions } from "@/lib/notes/editor-extensions";
import { lessonInsertion } from "./insert-lesson";

const schema = getSchema(noteContentExtensions());

const heading = (text: string, level = 2): JSONContent => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const docOf = (...content: JSONContent[]) => ProseMirrorNode.fromJSON(schema, { type: "doc", content });

/** The document after the insertion, as the headings and paragraphs' text in order. */
function after(doc: ProseMirrorNode, insertion: ReturnType<typeof lessonInsertion>): string[] {
  const inserted = insertion.content.map((json) => ProseMirrorNode.fromJSON(schema, json));
  const next = doc.replace(insertion.position, insertion.position, new Slice(Fragment.fromArray(inserted), 0, 0));
  const lines: string[] = [];
  next.forEach((node) => {
    const ref = node.firstChild?.type.name === "lessonRef" ? `[${node.firstChild.attrs.lessonId}]` : "";
    lines.push(`${node.type.name === "heading" ? "# " : ""}${ref}${node.textContent}`);
  });
  return lines;
}

const themes = ["Mandate", "Host state", "Partnerships"];

describe("lessonInsertion", () => {
  it("puts the lesson's paragraph (its phrase, then its statement as text) at the end of its theme's section", () => {
    const doc = docOf(heading("Introduction"), paragraph("Intro."), heading("mandate "), paragraph("First."), heading("Host state"), paragraph("Second."), heading("Conclusion"));
    const insertion = lessonInsertion(doc, { lessonId: "lesson1", statement: "Mandates were too broad.", theme: "Mandate", themes });
    expect(insertion.content[0]).toEqual({ type: "paragraph", content: [{ type: "lessonRef", attrs: { lessonId: "lesson1" } }, { type: "text", text: " Mandates were too broad." }] });
    expect(after(doc, insertion)).toEqual(["# Introduction", "Intro.", "# mandate ", "First.", "[lesson1] Mandates were too broad.", "# Host state", "Second.", "# Conclusion"]);
  });

  it("keeps subsections inside their theme's section", () => {
    const doc = docOf(heading("Mandate"), paragraph("First."), heading("Detail", 3), paragraph("Sub."), heading("Conclusion"));
    expect(after(doc, lessonInsertion(doc, { lessonId: "l", statement: "S.", theme: "Mandate", themes }))).toEqual(["# Mandate", "First.", "# Detail", "Sub.", "[l] S.", "# Conclusion"]);
  });

  it("adds a missing section in codebook order among the theme sections, or at the end when there are none", () => {
    const doc = docOf(heading("Introduction"), heading("Mandate"), paragraph("First."), heading("Partnerships"), heading("Conclusion"));
    expect(after(doc, lessonInsertion(doc, { lessonId: "l", statement: "S.", theme: "Host state", themes }))).toEqual([
      "# Introduction",
      "# Mandate",
      "First.",
      "# Host state",
      "[l] S.",
      "# Partnerships",
      "# Conclusion",
    ]);
    const noMandate = docOf(heading("Introduction"), heading("Host state"), heading("Conclusion"));
    expect(after(noMandate, lessonInsertion(noMandate, { lessonId: "l", statement: "S.", theme: "Mandate", themes }))).toEqual([
      "# Introduction",
      "# Mandate",
      "[l] S.",
      "# Host state",
      "# Conclusion",
    ]);
    const bare = docOf(paragraph("Text."));
    expect(after(bare, lessonInsertion(bare, { lessonId: "l", statement: "S.", theme: "Mandate", themes }))).toEqual(["Text.", "# Mandate", "[l] S."]);
  });

  it("puts a lesson with no theme at the end of the note", () => {
    const doc = docOf(heading("Mandate"), paragraph("First."));
    expect(after(doc, lessonInsertion(doc, { lessonId: "l", statement: "S.", theme: null, themes }))).toEqual(["# Mandate", "First.", "[l] S."]);
  });
});
