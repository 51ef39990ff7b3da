import { describe, expect, it } from "vitest";
import { countWords } from "./word-count";

describe("countWords", () => {
  it("counts words, not spaces, punctuation or footnote markers", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("  \n ")).toBe(0);
    expect(countWords("Participants generally agreed that the mandate was too broad.")).toBe(9);
    expect(countWords("One participant noted — rightly — that …")).toBe(5);
  });

  it("counts French, Greek, Cyrillic and Arabic words", () => {
    expect(countWords("Les participants ont estimé que l'accord était fragile.")).toBe(8);  // "l'accord" is one word, as word processors count it
    expect(countWords("Ειρήνη και ασφάλεια")).toBe(3);
    expect(countWords("мир и безопасность")).toBe(3);
    expect(countWords("السلام والأمن")).toBe(2);
  });
});
