import { describe, expect, it } from "vitest";
import { SHOW_ALL, isShowingAll, matchesFilter } from "./filter";

const annotation = (themeIds: string[], mine = false, replies = 0) => ({ themeIds, mine, replies: Array.from({ length: replies }) });

describe("matchesFilter", () => {
  it("shows everything when nothing is chosen", () => {
    expect(isShowingAll(SHOW_ALL)).toBe(true);
    expect(matchesFilter(annotation([]), SHOW_ALL)).toBe(true);
  });

  it("shows annotations tagged with any of the chosen themes, or untagged when asked", () => {
    const filter = { ...SHOW_ALL, themeIds: ["a", "b"] };
    expect(matchesFilter(annotation(["b", "c"]), filter)).toBe(true);
    expect(matchesFilter(annotation(["c"]), filter)).toBe(false);
    expect(matchesFilter(annotation([]), filter)).toBe(false);
    expect(matchesFilter(annotation([]), { ...filter, untagged: true })).toBe(true);
    expect(matchesFilter(annotation(["c"]), { ...SHOW_ALL, untagged: true })).toBe(false);
  });

  it("narrows to mine and to those with replies, with the themes", () => {
    const filter = { ...SHOW_ALL, themeIds: ["a"], mine: true, withReplies: true };
    expect(matchesFilter(annotation(["a"], true, 1), filter)).toBe(true);
    expect(matchesFilter(annotation(["a"], false, 1), filter)).toBe(false);
    expect(matchesFilter(annotation(["a"], true, 0), filter)).toBe(false);
    expect(isShowingAll(filter)).toBe(false);
  });
});
