import { describe, expect, it } from "vitest";
import { INLINE_NODE_CHARACTER, noteTextBlocks } from "./note-blocks";

describe("noteTextBlocks", () => {
  it("gives one string per text block in document order, inline nodes as one character each", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title" }] },
        { type: "paragraph" },
        {
          type: "paragraph",
          content: [
            { type: "lessonRef", attrs: { lessonId: "l1" } },
            { type: "text", text: " the mission", marks: [{ type: "bold" }] },
            { type: "hardBreak" },
            { type: "text", text: "failed" },
            { type: "citation", attrs: { passageId: "p1" } },
          ],
        },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "item" }] }] }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "quoted" }] }] },
      ],
    };
    expect(noteTextBlocks(doc)).toEqual(["Title", "", `${INLINE_NODE_CHARACTER} the mission\nfailed${INLINE_NODE_CHARACTER}`, "item", "quoted"]);
  });

  it("reads nothing from something that is not a document", () => {
    expect(noteTextBlocks(null)).toEqual([]);
    expect(noteTextBlocks("text")).toEqual([]);
  });
});
