import { describe, expect, it } from "vitest";
import { segmentBlock } from "./segments";

describe("segmentBlock", () => {
  const block = { kind: "paragraph" as const, start: 10, end: 40 };

  it("cuts at marks and overlapping highlights, clipped to the block", () => {
    const segments = segmentBlock(
      block,
      [{ kind: "sup", start: 20, end: 22 }],
      [
        { id: "a", start: 5, end: 21 },
        { id: "b", start: 15, end: 30 },
        { id: "elsewhere", start: 41, end: 50 },
      ],
    );
    expect(segments).toEqual([
      { start: 10, end: 15, marks: [], highlightIds: ["a"] },
      { start: 15, end: 20, marks: [], highlightIds: ["a", "b"] },
      { start: 20, end: 21, marks: ["sup"], highlightIds: ["a", "b"] },
      { start: 21, end: 22, marks: ["sup"], highlightIds: ["b"] },
      { start: 22, end: 30, marks: [], highlightIds: ["b"] },
      { start: 30, end: 40, marks: [], highlightIds: [] },
    ]);
  });

  it("leaves a block without marks or highlights whole", () => {
    expect(segmentBlock(block, [], [])).toEqual([{ start: 10, end: 40, marks: [], highlightIds: [] }]);
  });
});
