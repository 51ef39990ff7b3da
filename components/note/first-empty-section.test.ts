import { describe, expect, it } from "vitest";
import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { noteContentExtensions } from "@/lib/notes/editor-extensions";
import { noteTemplate } from "@/lib/notes/note-template";
import { firstEmptySectionPosition } from "./first-empty-section";

const schema = getSchema(noteContentExtensions());
const docOf = (json: JSONContent) => ProseMirrorNode.fromJSON(schema, json);
const heading = (text: string): JSONContent => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const paragraph = (text?: string): JSONContent => (text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" });

/** The heading of the section whose paragraph holds `position`. */
function sectionAt(doc: ProseMirrorNode, position: number): string {
  const $position = doc.resolve(position);
  expect($position.parent.type.name).toBe("paragraph");
  expect($position.parent.childCount).toBe(0);
  return doc.child($position.index(0) - 1).textContent;
}

describe("firstEmptySectionPosition", () => {
  it("puts a new note's caret in the Introduction's empty paragraph, not in the lines above it", () => {
    const doc = docOf(noteTemplate({ date: new Date("2026-03-05"), place: "Bamako", attribution: "CHATHAM_HOUSE", themes: ["Mandate", "Host state"] }, "en"));
    const position = firstEmptySectionPosition(doc);
    expect(position).not.toBeNull();
    expect(sectionAt(doc, position!)).toBe("Introduction");
  });

  it("skips the sections already written", () => {
    const doc = docOf({ type: "doc", content: [paragraph(), heading("Introduction"), paragraph("Written."), heading("Mandate"), paragraph(), heading("Conclusion"), paragraph()] });
    expect(sectionAt(doc, firstEmptySectionPosition(doc)!)).toBe("Mandate");
  });

  it("leaves the caret alone in a note with no empty section, or no document yet", () => {
    expect(firstEmptySectionPosition(docOf({ type: "doc", content: [heading("Introduction"), paragraph("Written.")] }))).toBeNull();
    expect(firstEmptySectionPosition(docOf({ type: "doc", content: [paragraph()] }))).toBeNull();
  });
});
