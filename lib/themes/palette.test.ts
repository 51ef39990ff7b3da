import { describe, expect, it } from "vitest";
import { THEME_COLORS, THEME_COLOR_KEYS, UNTAGGED_HIGHLIGHT, isThemeColor, nextThemeColor } from "./palette";

/** WCAG 2.x relative luminance of an sRGB hex colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

// The reader's body text and link colours (app/globals.css: --ink, --accent).
const INK = "#1d2330";
const LINK = "#1f4fa8";

describe("theme palette", () => {
  it("has twelve colours", () => {
    expect(THEME_COLOR_KEYS).toHaveLength(12);
  });

  it.each(THEME_COLOR_KEYS)("%s keeps body text and links at WCAG AA (4.5:1) as a highlight background", (key) => {
    expect(contrast(THEME_COLORS[key].highlight, INK)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(THEME_COLORS[key].highlight, LINK)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(THEME_COLOR_KEYS)("%s has a strong tone visible against the page and its own highlight (3:1 for non-text)", (key) => {
    expect(contrast(THEME_COLORS[key].strong, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrast(THEME_COLORS[key].strong, THEME_COLORS[key].highlight)).toBeGreaterThanOrEqual(3);
  });

  it("keeps every highlight distinct from the others and from untagged highlights", () => {
    const all = [...THEME_COLOR_KEYS.map((key) => THEME_COLORS[key].highlight), UNTAGGED_HIGHLIGHT];
    expect(new Set(all).size).toBe(all.length);
  });

  it("hands out unused colours first, then goes round the palette", () => {
    expect(nextThemeColor([])).toBe("orange");
    expect(nextThemeColor(["orange", "red"])).toBe("pink");
    expect(nextThemeColor(THEME_COLOR_KEYS)).toBe(THEME_COLOR_KEYS[0]);
    expect(isThemeColor("teal")).toBe(true);
    expect(isThemeColor("toString")).toBe(false);
    expect(isThemeColor("#ff0000")).toBe(false);
  });
});
