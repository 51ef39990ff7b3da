import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { THEME_COLORS, UNTAGGED_HIGHLIGHT } from "@/lib/themes/palette";
import { HIGHLIGHT_CSS_FILE, LINKED_ID, PENDING_ID, colorBits, highlightCss, withHighlightCss, paintHighlights, segmentClass } from "./paint";

const themes = [
  { id: "t-orange", color: "orange" as const },
  { id: "t-blue", color: "blue" as const },
  { id: "t-blue-too", color: "blue" as const },
  { id: "t-teal", color: "teal" as const },
  { id: "t-red", color: "red" as const },
  { id: "t-stone", color: "stone" as const },
];
const at = (id: string, themeIds: string[]) => ({ id, passage: { start: 0, end: 10 }, themeIds });

describe("highlight colours", () => {
  const painted = paintHighlights(
    [
      at("untagged", []),
      at("orange", ["t-orange"]),
      at("two", ["t-blue", "t-orange"]),
      at("blues", ["t-blue", "t-blue-too"]),
      at("gone", ["t-deleted"]),
      at("five", ["t-stone", "t-red", "t-teal", "t-blue", "t-orange"]),
    ],
    themes,
  );
  const byId = new Map(painted.map((highlight) => [highlight.id, highlight]));
  const classOf = (ids: string[], activeId: string | null = null) => segmentClass(ids, byId, { activeId });

  it("paints an untagged highlight yellow and a tagged one its theme's colour", () => {
    expect(classOf(["untagged"])).toBe("highlight hl-c1 hl-1-untagged");
    expect(classOf(["orange"])).toBe("highlight hl-c1 hl-1-orange");
    // A tag of a theme deleted a moment ago counts as no tag.
    expect(classOf(["gone"])).toBe("highlight hl-c1 hl-1-untagged");
  });

  it("stripes the colours of several themes, in palette order, each colour once", () => {
    expect(classOf(["two"])).toBe("highlight hl-c2 hl-1-orange hl-2-blue");
    expect(classOf(["blues"])).toBe("highlight hl-c1 hl-1-blue");
    expect(classOf(["five"])).toBe("highlight hl-c4 hl-1-orange hl-2-red hl-3-blue hl-4-teal");
  });

  it("marks overlaps of annotations, with the union of their colours, untagged yellow included", () => {
    expect(classOf(["orange", "untagged"])).toBe("highlight hl-c2 hl-1-orange hl-2-untagged highlight-overlap");
    expect(classOf(["orange", "two"])).toBe("highlight hl-c2 hl-1-orange hl-2-blue highlight-overlap");
  });

  it("adds the selected, pending and linked states, which carry no colour of their own", () => {
    expect(classOf(["orange", "two"], "two")).toBe("highlight hl-c2 hl-1-orange hl-2-blue highlight-overlap highlight-active");
    expect(classOf(["orange"], "two")).toBe("highlight hl-c1 hl-1-orange");
    expect(classOf([PENDING_ID])).toBe("highlight highlight-pending");
    expect(classOf([LINKED_ID, "orange"])).toBe("highlight hl-c1 hl-1-orange highlight-linked");
  });

  it("ships the colours the palette makes (run scripts/write-highlight-css.ts after changing the palette)", () => {
    const stylesheet = fs.readFileSync(HIGHLIGHT_CSS_FILE, "utf8");
    expect(stylesheet).toContain(highlightCss());
    expect(withHighlightCss(stylesheet)).toBe(stylesheet);
  });

  it("has one bit per palette colour", () => {
    expect(colorBits(["orange", "orange"])).toBe(colorBits(["orange"]));
    expect(colorBits([])).toBe(colorBits(["not a colour"]));
  });

  it("writes the palette's highlight colours (never the strong ones) as backgrounds", () => {
    const css = highlightCss();
    for (const [key, { highlight, strong }] of Object.entries(THEME_COLORS)) {
      expect(css).toContain(`mark.hl-c1.hl-1-${key}{background:${highlight}}`);
      expect(css).toContain(`mark:not(.hl-c1).hl-1-${key}{--hl-1:${highlight}}`);
      expect(css).toContain(`mark.hl-1-${key}{border-bottom-color:${strong}}`);
    }
    expect(css).toContain(`mark.hl-c1.hl-1-untagged{background:${UNTAGGED_HIGHLIGHT}}`);
    // Backgrounds are highlight colours, directly or through the --hl-N properties that hold them.
    const strongs = Object.values(THEME_COLORS).map((color) => color.strong);
    for (const background of css.match(/background:[^}]+/g)!) for (const strong of strongs) expect(background).not.toContain(strong);
    for (const declaration of css.match(/--hl-\d:[^;}]+/g)!) expect(strongs).not.toContain(declaration.split(":")[1]);
    expect(css).toContain("mark.hl-c2{background:repeating-linear-gradient(135deg,var(--hl-1) 0.00em 0.35em,var(--hl-2) 0.35em 0.70em)}");
  });
});
