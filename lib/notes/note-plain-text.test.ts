import { describe, expect, it } from "vitest";
import { notePlainText } from "./note-plain-text";

const text = (value: string) => ({ type: "text", text: value });
const paragraph = (...content: object[]) => ({ type: "paragraph", content });

describe("notePlainText", () => {
  it("puts each block on its own line, in document order, through lists and quotes", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Mandates")] },
        paragraph(text("Mandates were "), { ...text("too"), marks: [{ type: "bold" }] }, text(" broad.")),
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("First point"))] }, { type: "listItem", content: [paragraph(text("Second"))] }] },
        { type: "blockquote", content: [paragraph(text("A quote"), { type: "hardBreak" }, text("on two lines"))] },
        { type: "horizontalRule" },
        paragraph(),
      ],
    };
    expect(notePlainText(doc)).toBe("Mandates\nMandates were too broad.\nFirst point\nSecond\nA quote\non two lines");
  });

  it("takes a free-text footnote's words, and nothing of passage footnotes or lesson references", () => {
    const doc = {
      type: "doc",
      content: [
        paragraph(
          { type: "lessonRef", attrs: { lessonId: "lesson-1" } },
          text("mandates should be shorter"),
          { type: "citation", attrs: { passageId: null, note: "S/RES/2640 (2022)", quote: false } },
          text("."),
          { type: "citation", attrs: { passageId: "passage-1", note: null, quote: true } },
        ),
      ],
    };
    expect(notePlainText(doc)).toBe("mandates should be shorter S/RES/2640 (2022) .");
  });

  it("gives an empty string for an empty note", () => {
    expect(notePlainText({ type: "doc", content: [paragraph()] })).toBe("");
    expect(notePlainText({ type: "doc" })).toBe("");
  });
});
