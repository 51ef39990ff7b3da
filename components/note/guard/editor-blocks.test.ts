import { describe, expect, it } from "vitest";
import { getSchema, Node } from "@tiptap/core";
import { noteContentExtensions } from "@/lib/notes/editor-extensions";
import { noteTextBlocks } from "@/lib/notes/guard/note-blocks";
import { textBlocksOf, warningRange } from "./editor-blocks";

// An inline atom standing for the reference nodes (lesson references, footnote markers).
const Atom = Node.create({ name: "testAtom", group: "inline", inline: true, atom: true });
const schema = getSchema([...noteContentExtensions(), Atom]);

const json = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Logistics" }] },
    { type: "paragraph" },
    { type: "paragraph", content: [{ type: "testAtom" }, { type: "text", text: " my delegation" }, { type: "hardBreak" }, { type: "text", text: "said so", marks: [{ type: "bold" }] }, { type: "testAtom" }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Ambassador Smith" }] }] }] },
  ],
};

describe("the editor's blocks", () => {
  it("are the blocks the server reads from the stored JSON, and a warning's offsets select its words", () => {
    const doc = schema.nodeFromJSON(json);
    const blocks = textBlocksOf(doc);
    expect(blocks).toEqual(noteTextBlocks(json));
    const from = blocks[2]!.indexOf("my delegation");
    const range = warningRange(doc, { blockIndex: 2, from, to: from + "my delegation".length, excerpt: "my delegation" })!;
    expect(doc.textBetween(range.from, range.to)).toBe("my delegation");
    const said = blocks[2]!.indexOf("said so");
    const saidRange = warningRange(doc, { blockIndex: 2, from: said, to: said + 7, excerpt: "said so" })!;
    expect(doc.textBetween(saidRange.from, saidRange.to)).toBe("said so");
    const smith = warningRange(doc, { blockIndex: 3, from: 11, to: 16, excerpt: "Smith" })!;
    expect(doc.textBetween(smith.from, smith.to)).toBe("Smith");
  });

  it("finds the words again in their block when the text moved since the check, and gives up when they are gone", () => {
    const doc = schema.nodeFromJSON(json);
    // Checked when "Smith" stood at 0-5; words were typed before it since.
    const moved = warningRange(doc, { blockIndex: 3, from: 0, to: 5, excerpt: "Smith" })!;
    expect(doc.textBetween(moved.from, moved.to)).toBe("Smith");
    expect(warningRange(doc, { blockIndex: 3, from: 0, to: 5, excerpt: "Jones" })).toBeNull();
    expect(warningRange(doc, { blockIndex: 9, from: 0, to: 1, excerpt: "x" })).toBeNull();
  });
});
