import { describe, expect, it } from "vitest";
import { createPrng, randomInt } from "@/lib/anchoring/testing";
import { moveRangeEdge, type TextRange } from "./word-range";

const TEXT = "The mission, in 2013, was mandated to stabilize Mali's north.";
const slice = (range: TextRange) => TEXT.slice(range.start, range.end);
const rangeOf = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });

describe("moveRangeEdge", () => {
  it("takes in the next word at the end, over punctuation and spaces", () => {
    expect(slice(moveRangeEdge(TEXT, rangeOf("The mission"), "end", "later"))).toBe("The mission, in");
    expect(slice(moveRangeEdge(TEXT, rangeOf("mandated"), "end", "later"))).toBe("mandated to");
  });

  it("drops the last word at the end", () => {
    expect(slice(moveRangeEdge(TEXT, rangeOf("mission, in 2013"), "end", "earlier"))).toBe("mission, in");
    expect(slice(moveRangeEdge(TEXT, rangeOf("mission, in "), "end", "earlier"))).toBe("mission");
  });

  it("takes in the previous word at the start, and drops the first one", () => {
    expect(slice(moveRangeEdge(TEXT, rangeOf("was mandated"), "start", "earlier"))).toBe("2013, was mandated");
    expect(slice(moveRangeEdge(TEXT, rangeOf("in 2013, was"), "start", "later"))).toBe("2013, was");
  });

  it("finishes a word cut by a mouse selection before going further", () => {
    expect(slice(moveRangeEdge(TEXT, rangeOf("mission, in 2013, was mand"), "end", "later"))).toBe("mission, in 2013, was mandated");
    expect(slice(moveRangeEdge(TEXT, rangeOf("ssion, in"), "start", "earlier"))).toBe("mission, in");
    expect(slice(moveRangeEdge(TEXT, rangeOf("ssion, in"), "start", "later"))).toBe("in");
  });

  it("treats an apostrophe inside a word as part of it", () => {
    expect(slice(moveRangeEdge(TEXT, rangeOf("stabilize"), "end", "later"))).toBe("stabilize Mali's");
  });

  it("keeps at least one word, and stays put at the text's ends", () => {
    expect(moveRangeEdge(TEXT, rangeOf("mission"), "end", "earlier")).toEqual(rangeOf("mission"));
    expect(moveRangeEdge(TEXT, rangeOf("mission"), "start", "later")).toEqual(rangeOf("mission"));
    expect(moveRangeEdge(TEXT, rangeOf("The"), "start", "earlier")).toEqual(rangeOf("The"));
    expect(moveRangeEdge(TEXT, rangeOf("north."), "end", "later")).toEqual(rangeOf("north."));
  });

  it("moves by words of other scripts and never cuts a surrogate pair", () => {
    const text = "Le 𝒳 mandat ❤️ de la 🇲🇱 MINUSMA 日本語 fin";
    const range = { start: text.indexOf("Le"), end: text.indexOf("Le") + 2 };
    const next = moveRangeEdge(text, range, "end", "later");
    expect(text.slice(next.start, next.end)).toBe("Le 𝒳");
    const after = moveRangeEdge(text, next, "end", "later");
    expect(text.slice(after.start, after.end)).toBe("Le 𝒳 mandat");
    const overEmoji = moveRangeEdge(text, after, "end", "later");
    expect(text.slice(overEmoji.start, overEmoji.end)).toBe("Le 𝒳 mandat ❤️ de");
    const back = moveRangeEdge(text, { start: text.indexOf("MINUSMA"), end: text.indexOf("MINUSMA") + 7 }, "start", "earlier");
    expect(text.slice(back.start, back.end)).toBe("la 🇲🇱 MINUSMA");
  });

  it("never leaves an end inside a surrogate pair (random moves)", () => {
    const text = "𝒜lpha 😀 beta 𝔅𝔢𝔱𝔞, 🇫🇷 gamma—delta 𝟙𝟚𝟛 epsilon\n\nzeta 👩‍👩‍👧 eta";
    const random = createPrng(3);
    const isLow = (at: number) => at > 0 && at < text.length && text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff;
    for (let run = 0; run < 300; run += 1) {
      let range = { start: 0, end: 5 };
      for (let step = 0; step < 20; step += 1) {
        const edge = randomInt(random, 0, 1) ? "start" : "end";
        const move = randomInt(random, 0, 1) ? "earlier" : "later";
        range = moveRangeEdge(text, range, edge, move);
        expect(isLow(range.start) || isLow(range.end)).toBe(false);
        expect(range.end).toBeGreaterThan(range.start);
      }
    }
  });
});
