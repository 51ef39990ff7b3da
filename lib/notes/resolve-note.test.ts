import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import type { LessonReference, NoteReferences, PassageReference } from "./references";
import { referencedIds, resolveNote } from "./resolve-note";

const lesson = (lessonId: string, over: Partial<LessonReference> = {}): LessonReference => ({
  lessonId,
  state: "live",
  consensus: "general",
  phrase: "Participants generally agreed that",
  statement: "Mandates were too broad.",
  themeIds: [],
  mergedIntoId: null,
  ...over,
});

const passage = (passageId: string, over: Partial<PassageReference> = {}): PassageReference => ({
  passageId,
  citation: `Citation of ${passageId}.`,
  sourceId: "source",
  sourceTitle: "Source",
  quote: `Words of ${passageId}`,
  orphaned: false,
  ...over,
});

const ref = (lessonId: string): JSONContent => ({ type: "lessonRef", attrs: { lessonId } });
const cite = (passageId: string | null, note: string | null = null, quote = false): JSONContent => ({
  type: "citation",
  attrs: { passageId, note, quote },
});
const text = (value: string): JSONContent => ({ type: "text", text: value });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

/** The footnote numbers of the citations, in document order. */
function markers(resolved: JSONContent): number[] {
  const found: number[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === "citation") found.push(node.attrs!.number as number);
    node.content?.forEach(visit);
  };
  visit(resolved);
  return found;
}

const references: NoteReferences = {
  lessons: { a: lesson("a"), b: lesson("b", { consensus: "few" }) },
  passages: { p1: passage("p1"), p2: passage("p2"), gone: passage("gone", { orphaned: true }) },
};

describe("referencedIds", () => {
  it("lists each lesson and passage once, in document order, and ignores free-text footnotes", () => {
    const note = doc(paragraph(ref("b"), text(" x"), cite("p2")), paragraph(ref("a"), cite("p1"), cite(null, "S/RES/2100"), ref("b"), cite("p2")));
    expect(referencedIds(note)).toEqual({ lessonIds: ["b", "a"], passageIds: ["p2", "p1"] });
    expect(referencedIds(null)).toEqual({ lessonIds: [], passageIds: [] });
  });
});

describe("resolveNote", () => {
  it("numbers footnotes in document order; the same passage or the same free text shares the first number", () => {
    const note = doc(
      paragraph(text("One"), cite("p2"), text(" two"), cite(null, "UN Doc. S/RES/2100."), text(" three"), cite("p1")),
      paragraph(text("Again"), cite("p2"), cite(null, "  UN Doc. S/RES/2100. "), cite(null, "Another note")),
    );
    const resolved = resolveNote(note, references, { locale: "en" });
    expect(markers(resolved.doc)).toEqual([1, 2, 3, 1, 2, 4]);
    expect(resolved.footnotes.map(({ number, kind, text }) => ({ number, kind, text }))).toEqual([
      { number: 1, kind: "passage", text: "Citation of p2." },
      { number: 2, kind: "text", text: "UN Doc. S/RES/2100." },
      { number: 3, kind: "passage", text: "Citation of p1." },
      { number: 4, kind: "text", text: "Another note" },
    ]);
  });

  it("renumbers when a paragraph moves, without anything stored changing", () => {
    const first = paragraph(text("First"), cite("p1"));
    const second = paragraph(text("Second"), cite(null, "Free"), cite("p2"));
    const before = resolveNote(doc(first, second), references, { locale: "en" });
    const after = resolveNote(doc(second, first), references, { locale: "en" });
    expect(before.footnotes.map((f) => f.text)).toEqual(["Citation of p1.", "Free", "Citation of p2."]);
    expect(after.footnotes.map((f) => f.text)).toEqual(["Free", "Citation of p2.", "Citation of p1."]);
    expect(markers(after.doc)).toEqual([1, 2, 3]);
    expect(second.content![1]!.attrs).toEqual({ passageId: null, note: "Free", quote: false });
  });

  it("flags a footnote to an orphaned or unknown passage and keeps it", () => {
    const resolved = resolveNote(doc(paragraph(cite("gone"), cite("unknown"), cite("p1"))), references, { locale: "fr" });
    expect(resolved.footnotes.map(({ number, flagged, text }) => ({ number, flagged, text }))).toEqual([
      { number: 1, flagged: true, text: "Citation of gone." },
      { number: 2, flagged: true, text: "[passage qui n’est plus disponible]" },
      { number: 3, flagged: false, text: "Citation of p1." },
    ]);
    expect(resolved.doc.content![0]!.content!.map((node) => node.attrs!.flagged)).toEqual([true, true, false]);
  });

  it("adds the quoted passage when a citation of it asks for the quote", () => {
    const resolved = resolveNote(doc(paragraph(cite("p1"), cite("p2", null, true), cite("p1", null, true))), references, { locale: "en" });
    expect(resolved.footnotes.map((f) => f.quote)).toEqual(["Words of p1", "Words of p2"]);
  });

  it("opens lesson paragraphs with the live phrase in the note's language, a placeholder while held, a flag when missing", () => {
    const held: NoteReferences = { ...references, lessons: { ...references.lessons, h: lesson("h", { state: "held", consensus: null, phrase: "" }) } };
    const note = doc(paragraph(ref("b"), text(" mandates")), paragraph(ref("h")), paragraph(ref("deleted")), paragraph(ref("b")));
    const resolved = resolveNote(note, held, { locale: "fr" });
    const attrs = resolved.doc.content!.map((p) => p.content![0]!.attrs);
    expect(attrs.map((a) => [a!.state, a!.phrase])).toEqual([
      ["live", "Quelques participants ont noté que"],
      ["held", "[consensus réservé jusqu’à la révélation des prises de position]"],
      ["missing", "[leçon qui n’est plus disponible]"],
      ["live", "Quelques participants ont noté que"],
    ]);
    expect(resolved.lessonIds).toEqual(["b", "h", "deleted"]);
  });

  it("keeps a frozen phrase as it was frozen, whatever the counts are now", () => {
    const frozen: NoteReferences = { lessons: { a: lesson("a", { state: "frozen", consensus: "few", phrase: "A few participants noted that" }) }, passages: {} };
    const resolved = resolveNote(doc(paragraph(ref("a"))), frozen, { locale: "en" });
    expect(resolved.doc.content![0]!.content![0]!.attrs).toMatchObject({ lessonId: "a", state: "frozen", phrase: "A few participants noted that" });
  });
});
