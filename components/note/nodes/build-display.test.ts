import { describe, expect, it } from "vitest";
import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { noteContentExtensions } from "@/lib/notes/editor-extensions";
import type { NoteReferences } from "@/lib/notes/references";
import { resolveNote } from "@/lib/notes/resolve-note";
import { buildNoteDisplay, lackingIds, type Resolve } from "./build-display";

const schema = getSchema(noteContentExtensions());
const resolve: Resolve = (content, references) => resolveNote(content, references, { locale: "en" });

const references: NoteReferences = {
  lessons: {
    l1: { lessonId: "l1", state: "live", consensus: "one", phrase: "One participant noted that", statement: "S.", themeIds: [], mergedIntoId: null },
  },
  passages: {
    p1: { passageId: "p1", citation: "A source, 12.", sourceId: "s1", sourceTitle: "A source", quote: "words", orphaned: false },
  },
};

const cite = (attrs: Record<string, unknown>): JSONContent => ({ type: "citation", attrs: { passageId: null, note: null, quote: false, ...attrs } });
const paragraph = (text: string, ...nodes: JSONContent[]): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }, ...nodes] });
const docOf = (...content: JSONContent[]) => ProseMirrorNode.fromJSON(schema, { type: "doc", content });

/** Footnote numbers in the order of the citations in the document. */
function numbersInOrder(doc: ProseMirrorNode, display: ReturnType<typeof buildNoteDisplay>): string[] {
  const shown: string[] = [];
  doc.descendants((node, position) => {
    if (node.type.name === "citation") shown.push(`${node.textContent}${display.citations.get(position)?.number}${display.citations.get(position)?.flagged ? "!" : ""}`);
  });
  return shown;
}

describe("buildNoteDisplay", () => {
  const first = paragraph("First", cite({ passageId: "p1" }));
  const second = paragraph("Second", cite({ note: "Resolution 2100 (2013)." }));
  const third = paragraph("Third", cite({ passageId: "p1" }));

  it("numbers footnotes by their citations' places, sharing a passage's number, and renumbers when a paragraph moves", () => {
    const doc = docOf(first, second, third);
    const display = buildNoteDisplay(doc, references, resolve);
    expect(numbersInOrder(doc, display)).toEqual(["1", "2", "1"]);
    expect(display.footnotes.map((footnote) => [footnote.number, footnote.text])).toEqual([
      [1, "A source, 12."],
      [2, "Resolution 2100 (2013)."],
    ]);
    const moved = docOf(second, first, third);
    expect(numbersInOrder(moved, buildNoteDisplay(moved, references, resolve))).toEqual(["1", "2", "2"]);
  });

  it("shows a lesson's phrase and state; ids on their way from the server load, unknown ones are missing or flagged", () => {
    const doc = docOf(
      { type: "paragraph", content: [{ type: "lessonRef", attrs: { lessonId: "l1" } }, { type: "text", text: " S." }] },
      { type: "paragraph", content: [{ type: "lessonRef", attrs: { lessonId: "l2" } }, { type: "text", text: " T." }] },
      paragraph("Cited", cite({ passageId: "p2" })),
    );
    const lacking = lackingIds({ lessonIds: ["l1", "l2"], passageIds: ["p2"] }, references);
    expect(lacking).toEqual({ lessonIds: ["l2"], passageIds: ["p2"] });

    const settled = buildNoteDisplay(doc, references, resolve);
    expect(settled.lessons.get("l1")).toEqual({ phrase: "One participant noted that", state: "live" });
    expect(settled.lessons.get("l2")?.state).toBe("missing");
    expect(numbersInOrder(doc, settled)).toEqual(["1!"]);
    expect(settled.footnotes[0]).toMatchObject({ number: 1, flagged: true });

    const awaiting = buildNoteDisplay(doc, references, resolve, lacking);
    expect(awaiting.lessons.get("l2")).toEqual({ phrase: "", state: "loading" });
    expect(numbersInOrder(doc, awaiting)).toEqual(["1"]);
    expect(awaiting.footnotes[0]).toMatchObject({ number: 1, flagged: false });
  });
});
