import { describe, expect, test } from "vitest";
import { SOURCE_TITLE_MAX } from "@/lib/sources/schemas";
import { proposeSourceTitle } from "./propose-title";

describe("proposeSourceTitle", () => {
  test("prefers the document's own title, then its first heading, then its file name", () => {
    const markup = "Preface line\n\n## Emerging **Lessons**<sup>1</sup> from [MINUSMA](https://example.org/)\n\n# Later heading";
    expect(proposeSourceTitle({ format: "PDF", metadataTitles: ["  Lessons\u00a0from\nMali "], markup, fileName: "report.pdf" })).toBe("Lessons from Mali");
    expect(proposeSourceTitle({ format: "PDF", metadataTitles: [null, "", "   "], markup, fileName: "report.pdf" })).toBe("Emerging Lessons from MINUSMA");
    expect(proposeSourceTitle({ format: "MARKDOWN", markup: "No heading here.", fileName: "2024_field-notes--Mopti.final.md" })).toBe("2024 field notes Mopti.final");
  });

  test("skips titles that authoring tools write when the author gave none", () => {
    for (const placeholder of ["Untitled", "untitled-3", "Document1", "Microsoft Word - report_v2.docx", "PowerPoint Presentation", "scan_0042.pdf", "Title", "***"]) {
      expect(proposeSourceTitle({ format: "DOCX", metadataTitles: [placeholder], markup: "# The real title", fileName: "x.docx" }), placeholder).toBe("The real title");
    }
    // The next metadata title is tried before the heading (PDF: XMP, then Info).
    expect(proposeSourceTitle({ format: "PDF", metadataTitles: ["Untitled", "Info title"], markup: "# Heading" })).toBe("Info title");
  });

  test("keeps a heading's text as the reader shows it, list-like numbers included", () => {
    expect(proposeSourceTitle({ format: "HTML", markup: "# 1. Introduction" })).toBe("1. Introduction");
    expect(proposeSourceTitle({ format: "MARKDOWN", markup: "#  **Bold**  title " })).toBe("Bold title");
  });

  test("finds no heading in plain text, and nothing at all without a readable candidate", () => {
    expect(proposeSourceTitle({ format: "TEXT", markup: "# not a heading", fileName: "notes.txt" })).toBe("notes");
    expect(proposeSourceTitle({ format: "TEXT", markup: "# not a heading" })).toBeNull();
    expect(proposeSourceTitle({ format: "MARKDOWN", markup: "Text.", fileName: "C:\\fakepath\\___.md" })).toBeNull();
    expect(proposeSourceTitle({ format: "MARKDOWN", fileName: "/uploads/mali-report.md" })).toBe("mali report");
  });

  test("removes control and invisible characters, and composes accents", () => {
    expect(proposeSourceTitle({ format: "PDF", metadataTitles: ["\uFEFFCe\u0301line\u0000 \u200Bà Bamako\r\n"] })).toBe("Céline à Bamako");
  });

  test("caps a long title at the citation's limit, at a word, with an ellipsis", () => {
    const long = Array.from({ length: 80 }, (_, index) => `word${index}`).join(" ");
    const title = proposeSourceTitle({ format: "HTML", metadataTitles: [long] })!;
    expect(title.length).toBeLessThanOrEqual(SOURCE_TITLE_MAX);
    expect(title.endsWith("…")).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.slice(0, -1)).toMatch(/word\d+$/);
    const unbroken = "x".repeat(SOURCE_TITLE_MAX + 50);
    expect(proposeSourceTitle({ format: "HTML", markup: `# ${unbroken}` })).toBe(`${"x".repeat(SOURCE_TITLE_MAX - 1)}…`);
    // An emoji is not cut in half.
    const emoji = proposeSourceTitle({ format: "HTML", metadataTitles: [`${"y".repeat(SOURCE_TITLE_MAX - 2)}😀😀`] })!;
    expect(emoji).toBe(`${"y".repeat(SOURCE_TITLE_MAX - 2)}…`);
    expect(proposeSourceTitle({ format: "HTML", metadataTitles: ["z".repeat(SOURCE_TITLE_MAX)] })).toBe("z".repeat(SOURCE_TITLE_MAX));
  });
});
