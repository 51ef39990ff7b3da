import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeSourceText } from "./normalize-text";
import { parseMarkup } from "./markup";

const corpus = (file: string) => normalizeSourceText(fs.readFileSync(path.resolve("prisma/seed/corpus", file), "utf8"));

describe("parseMarkup", () => {
  it("turns headings, bold and footnote markers into plain text with blocks and marks", () => {
    const parsed = parseMarkup("# Title\n\nIt was **not** agreed.<sup>12</sup> Next.\n\n## Part two", "MARKDOWN");
    expect(parsed.text).toBe("Title\n\nIt was not agreed.12 Next.\n\nPart two");
    expect(parsed.blocks).toEqual([
      { kind: "heading", level: 1, start: 0, end: 5 },
      { kind: "paragraph", start: 7, end: 33 },
      { kind: "heading", level: 2, start: 35, end: 43 },
    ]);
    expect(parsed.marks.map((mark) => [mark.kind, parsed.text.slice(mark.start, mark.end)])).toEqual([
      ["strong", "not"],
      ["sup", "12"],
    ]);
  });

  it("keeps curly quotes and accents of the CSIS brief", () => {
    const parsed = parseMarkup(corpus("csis-examining-extremism-jnim.txt"), "TEXT");
    expect(parsed.text).toContain("Jama’at Nasr al-Islam wal Muslimin");
  });

  it("keeps '#' lines of plain-text sources as text", () => {
    expect(parseMarkup("# not a heading", "TEXT").blocks).toEqual([{ kind: "paragraph", start: 0, end: 15 }]);
  });

  it("gives every block of the IPI note an exact range of the text, with no markup left", () => {
    const parsed = parseMarkup(corpus("ipi-emerging-lessons-from-minusma-2024.md"), "MARKDOWN");
    expect(parsed.text).not.toMatch(/<\/?sup>|\*\*|^#+ /m);
    expect(parsed.blocks.filter((block) => block.kind === "heading").map((block) => parsed.text.slice(block.start, block.end))).toContain("Introduction");
    expect(parsed.text).toContain("lack of peace to keep");
    expect(parsed.text).toContain("MINUSMA's");
    const rebuilt = parsed.blocks.map((block) => parsed.text.slice(block.start, block.end)).join("\n\n");
    expect(rebuilt).toBe(parsed.text);
    expect(parsed.marks.filter((mark) => mark.kind === "sup").length).toBeGreaterThan(10);
  });
});
