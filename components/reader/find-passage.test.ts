import { describe, expect, it } from "vitest";
import { IPI_NOTE, readCorpusText } from "@/lib/anchoring/testing";
import { parseMarkup } from "@/lib/sources/markup";
import { allowedErrors, findPassage, foldForSearch } from "./find-passage";

const TEXT = parseMarkup(readCorpusText(IPI_NOTE), "MARKDOWN").text;
const found = (query: string, from = 0) => {
  const result = findPassage(TEXT, query, from);
  return result && { text: TEXT.slice(result.start, result.end), isExact: result.isExact, start: result.start };
};

describe("findPassage", () => {
  it("finds the exact words whatever their case, and the next occurrence after `from`", () => {
    const first = found("security council");
    expect(first).toMatchObject({ text: "Security Council", isExact: true });
    const second = found("security council", first!.start + 1);
    expect(second!.start).toBeGreaterThan(first!.start);
    // Past the last one, the search wraps to the first.
    expect(found("security council", TEXT.length)!.start).toBe(first!.start);
  });

  it("finds a passage typed with a typo", () => {
    expect(found("Participants generaly agreed")).toMatchObject({ text: "Participants generally agreed", isExact: false });
    expect(found("the lack of peace to kep")).toMatchObject({ text: "the lack of peace to keep", isExact: false });
  });

  it("finds a passage typed with other punctuation", () => {
    // The source writes MINUSMA's with a typographic apostrophe or a straight one: both fold alike.
    expect(found("MINUSMA’s mandate")?.text.toLowerCase()).toBe("minusma's mandate");
    expect(found("ten year presence")).toMatchObject({ text: "ten-year presence", isExact: false });
    expect(found("Mali, (MINUSMA) mandate evolution")?.text).toBe("Mali's (MINUSMA) mandate evolution");
  });

  it("finds nothing for words that are not there, and is strict with short queries", () => {
    expect(found("photosynthesis of tulips")).toBeNull();
    expect(found("Malo")).toBeNull();
    expect(found("   ")).toBeNull();
  });

  it("tolerates about one edit per six characters, none under five", () => {
    expect([4, 5, 12, 30].map(allowedErrors)).toEqual([0, 1, 2, 5]);
  });

  it("folds without moving offsets", () => {
    const text = "İstanbul’s “quote” — done\u00a0now";
    expect(foldForSearch(text)).toHaveLength(text.length);
    expect(foldForSearch(text)).toBe("İstanbul's \"quote\" - done now");
  });
});

describe("findPassage in other scripts", () => {
  it("widens an approximate match to whole words without cutting a surrogate pair", () => {
    const text = "Le mandat de la mission 𝒳𝒴𝒵 était clair.";
    const result = findPassage(text, "mission 𝒳𝒴 etait")!;
    expect(text.slice(result.start, result.end)).toBe("mission 𝒳𝒴𝒵 était");
  });
});
