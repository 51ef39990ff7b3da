import { describe, expect, it } from "vitest";
import { longestCommonSubsequence, mergeBlocks } from "./block-merge";

/** Blocks as letters: "ABC" is three blocks. */
const merge = (base: string, mine: string, theirs: string) => mergeBlocks([...base], [...mine], [...theirs]).join("");

describe("mergeBlocks (three-way, block by block)", () => {
  it("keeps changes both sides made to different blocks", () => {
    expect(merge("ABC", "XBC", "ABY")).toBe("XBY");
    expect(merge("ABC", "AXC", "ABC")).toBe("AXC");
    expect(merge("ABC", "ABC", "AYC")).toBe("AYC");
  });

  it("keeps both versions of a block both sides changed (theirs, then mine), dropping neither", () => {
    expect(merge("ABC", "AXC", "AYC")).toBe("AYXC");
    expect(merge("A", "X", "Y")).toBe("YX");
  });

  it("keeps what both sides inserted, each where it was inserted", () => {
    expect(merge("ABC", "A1BC", "AB2C")).toBe("A1B2C");
    expect(merge("ABC", "A1BC", "A2BC")).toBe("A12BC");
    expect(merge("ABC", "ABC9", "0ABC")).toBe("0ABC9");
    // After the block it followed, even when theirs changed that block.
    expect(merge("ABC", "ABC9", "ABY")).toBe("ABY9");
    expect(merge("ABC", "AB9C", "AYC")).toBe("AY9C");
  });

  it("applies deletions of blocks the other side left alone, never those the other side changed", () => {
    expect(merge("ABC", "AC", "ABC")).toBe("AC");
    expect(merge("ABC", "ABC", "AC")).toBe("AC");
    expect(merge("ABC", "AC", "AYC")).toBe("AYC");
    expect(merge("ABC", "AXC", "AC")).toBe("AXC");
  });

  it("handles empty sides", () => {
    expect(merge("", "", "")).toBe("");
    expect(merge("", "X", "")).toBe("X");
    expect(merge("", "X", "Y")).toBe("XY");
    expect(merge("AB", "", "AB")).toBe("");
    expect(merge("AB", "AB", "")).toBe("");
  });

  it("compares blocks as JSON by default", () => {
    const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
    expect(mergeBlocks([p("a"), p("b")], [p("a"), p("b!")], [p("a?"), p("b")])).toEqual([p("a?"), p("b!")]);
  });

  it("finds a longest common subsequence", () => {
    expect(longestCommonSubsequence([..."ABCBDAB"], [..."BDCABA"]).length).toBe(4);
    expect(longestCommonSubsequence([], [..."A"])).toEqual([]);
  });
});
