import { describe, expect, it } from "vitest";
import { missingThemeSections } from "./theme-sections";

describe("missingThemeSections", () => {
  it("lists themes without a heading of the same name, in codebook order, ignoring case and spacing", () => {
    const themes = ["Security Council dynamics", "Host state", "Partnerships"];
    expect(missingThemeSections([], themes)).toEqual(themes);
    expect(missingThemeSections(["  security   council DYNAMICS ", "Introduction"], themes)).toEqual(["Host state", "Partnerships"]);
    expect(missingThemeSections(["Host state", "Partnerships", "Security Council dynamics"], themes)).toEqual([]);
  });
});
