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
      { start: 10, end: 15, marks: [], link: null, highlightIds: ["a"] },
      { start: 15, end: 20, marks: [], link: null, highlightIds: ["a", "b"] },
      { start: 20, end: 21, marks: ["sup"], link: null, highlightIds: ["a", "b"] },
      { start: 21, end: 22, marks: ["sup"], link: null, highlightIds: ["b"] },
      { start: 22, end: 30, marks: [], link: null, highlightIds: ["b"] },
      { start: 30, end: 40, marks: [], link: null, highlightIds: [] },
    ]);
  });

  it("leaves a block without marks or highlights whole", () => {
    expect(segmentBlock(block, [], [])).toEqual([{ start: 10, end: 40, marks: [], link: null, highlightIds: [] }]);
  });

  it("gives every piece of a link the same link mark, and keeps bold inside it as a mark", () => {
    const link = { kind: "link" as const, href: "https://example.org/", start: 15, end: 25 };
    const segments = segmentBlock(block, [link, { kind: "strong", start: 20, end: 25 }], [{ id: "h", start: 12, end: 18 }]);
    expect(segments).toEqual([
      { start: 10, end: 12, marks: [], link: null, highlightIds: [] },
      { start: 12, end: 15, marks: [], link: null, highlightIds: ["h"] },
      { start: 15, end: 18, marks: [], link, highlightIds: ["h"] },
      { start: 18, end: 20, marks: [], link, highlightIds: [] },
      { start: 20, end: 25, marks: ["strong"], link, highlightIds: [] },
      { start: 25, end: 40, marks: [], link: null, highlightIds: [] },
    ]);
    expect(segments[2]!.link).toBe(segments[4]!.link);
  });
});
