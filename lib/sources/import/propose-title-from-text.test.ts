import { describe, expect, test } from "vitest";
import { importSourceText } from "./import-source-text";
import { proposeTitleFromText } from "./propose-title-from-text";

const CASES = [
  { format: "MARKDOWN", text: "Preface.\n# Field **notes** from [Mopti](https://example.org/)\nText.", fileName: "a.md" },
  { format: "MARKDOWN", text: "```\n# not a heading in code\n```\n\nNo heading.", fileName: "field_notes-2024.md" },
  { format: "MARKDOWN", text: "Only text." },
  { format: "TEXT", text: "# plain\n\ntext", fileName: "notes.txt" },
  { format: "HTML", text: "<html><head><title>Page &amp; title</title></head><body><h1>Heading</h1></body></html>", fileName: "p.html" },
  { format: "HTML", text: "<h2 hidden>Hidden</h2><h3>Shown <b>heading</b></h3>", fileName: "p.html" },
  { format: "HTML", text: "<p>No heading</p>", fileName: "page-name.htm" },
] as const;

describe("proposeTitleFromText", () => {
  test.each(CASES)("proposes in the browser what the import proposes on the server: %j", async (input) => {
    const expected = (await importSourceText({ format: input.format, text: input.text, fileName: "fileName" in input ? input.fileName : undefined })).title;
    expect(proposeTitleFromText(input)).toBe(expected);
  });

  test("proposes the Markdown heading, the HTML title and the file name", () => {
    expect(CASES.map((input) => proposeTitleFromText(input))).toEqual([
      "Field notes from Mopti",
      "field notes 2024",
      null,
      "notes",
      "Page & title",
      "Shown heading",
      "page name",
    ]);
  });
});
