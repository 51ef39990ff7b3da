import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseMarkup } from "@/lib/sources/markup";
import { normalizeSourceText } from "@/lib/sources/normalize-text";
import { importSourceText } from "./import-source-text";

const CORPUS = path.resolve("prisma/seed/corpus");

async function importCorpus(file: string, format: "TEXT" | "MARKDOWN") {
  const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));
  const result = await importSourceText({ format, bytes, fileName: file });
  // The demo seed stores normalizeSourceText(file): an import must give the very same text.
  expect(result.text).toBe(normalizeSourceText(fs.readFileSync(path.join(CORPUS, file), "utf8")));
  return result;
}

describe("importSourceText: demo corpus", () => {
  test("the IPI meeting note (Markdown): headings, footnote markers, stray footnote lines", async () => {
    const { text, headings } = await importCorpus("ipi-emerging-lessons-from-minusma-2024.md", "MARKDOWN");
    expect(headings.slice(0, 3)).toEqual([
      { level: 1, text: "Emerging Lessons from MINUSMA's Experience in Mali", start: text.indexOf("# Emerging") },
      { level: 2, text: "STIMSON", start: text.indexOf("## STIMSON") },
      { level: 2, text: "Introduction", start: text.indexOf("## Introduction") },
    ]);
    expect(headings.map((heading) => heading.text)).toEqual(
      expect.arrayContaining(["Challenges and Lessons Learned", "Relationship with the Host State and Population", "Security Council Dynamics", "Conclusion"]),
    );
    expect(headings.find((heading) => heading.text.startsWith("Relationship"))?.level).toBe(3);
    for (const heading of headings) expect(text.slice(heading.start).startsWith(`${"#".repeat(heading.level)} ${heading.text}`)).toBe(true);
    expect(text).toContain("among other tasks.<sup>1</sup> On June 16, 2023");
    expect(text).toContain("on June 30<sup>th</sup> and decided");
    expect(text).toContain("The **INTERNATIONAL PEACE INSTITUTE** (IPI)");

    const page = parseMarkup(text, "MARKDOWN");
    const blockTexts = page.blocks.map((block) => page.text.slice(block.start, block.end));
    // Footnotes cut into the body by page breaks stay their own readable paragraphs.
    expect(blockTexts).toContain("3 UN Security Council Resolution 2227 (June 29, 2015), UN Doc. S/RES/2227, para. 14.");
    expect(blockTexts).toContain("1 UN Security Council Resolution 2100 (April 25, 2013), UN Doc. S/RES/2100.");
    expect(page.text).not.toMatch(/<\/?sup>|\*\*/);
    expect(page.blocks.filter((block) => block.kind === "heading")).toHaveLength(headings.length);
  });

  test("the CSIS brief (plain text): curly quotes and accents intact, no headings", async () => {
    const { text, headings, format } = await importCorpus("csis-examining-extremism-jnim.txt", "TEXT");
    expect(format).toBe("TEXT");
    expect(headings).toEqual([]);
    expect(text.startsWith("Examining Extremism: Jama’at Nasr al-Islam wal Muslimin\n\n")).toBe(true);
    expect(text).toContain("“stand in front of the occupying Crusader enemy”");
    expect(text).not.toContain("\n\n\n");
  });

  test("the UN geospatial summary (plain text)", async () => {
    const { text } = await importCorpus("minusma-un-geospatial-summary.txt", "TEXT");
    expect(text.split("\n\n")[0]).toBe("The Republic of Mali and the United Nations Multidimensional Integrated Mission in Mali – MINUSMA");
    expect(text).toContain("Group for Support of Islam and Muslims (JNIM)");
  });
});
