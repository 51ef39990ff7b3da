import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasDerivedTextChanged } from "./derived-text-changed";
import { parseMarkupBeforeLists } from "./fixtures/markup-before-lists";
import { htmlToSourceText } from "./import/html-to-text";
import { normalizeSourceText } from "./normalize-text";
import { parseMarkup } from "./markup";

/** A source as it was stored before lists, quotes and links: text from the previous parser. */
function storedBefore(markup: string, format: string) {
  return { markup, format, text: parseMarkupBeforeLists(markup, format).text };
}

const corpus = (file: string) => normalizeSourceText(fs.readFileSync(path.resolve("prisma/seed/corpus", file), "utf8"));

describe("hasDerivedTextChanged", () => {
  it("is false for sources whose markup has no list, quote or link", () => {
    expect(hasDerivedTextChanged(storedBefore("# Title\n\nIt was **not** agreed.<sup>1</sup>", "MARKDOWN"))).toBe(false);
    expect(hasDerivedTextChanged(storedBefore(corpus("csis-examining-extremism-jnim.txt"), "TEXT"))).toBe(false);
    expect(hasDerivedTextChanged(storedBefore(corpus("minusma-un-geospatial-summary.txt"), "TEXT"))).toBe(false);
    // Plain text keeps its markers as text.
    expect(hasDerivedTextChanged(storedBefore("- one\n- two\n\n> quoted", "TEXT"))).toBe(false);
  });

  it("is true for sources stored with list, quote or link syntax in their markup", () => {
    expect(hasDerivedTextChanged(storedBefore(htmlToSourceText("<ul><li>Regional organizations</li></ul>"), "HTML"))).toBe(true);
    expect(hasDerivedTextChanged(storedBefore("1. First\n2. Second", "MARKDOWN"))).toBe(true);
    expect(hasDerivedTextChanged(storedBefore("> “Peace to keep”", "MARKDOWN"))).toBe(true);
    expect(hasDerivedTextChanged(storedBefore("See [the report](https://example.org/).", "MARKDOWN"))).toBe(true);
    // Even a link that does not become one: its label alone is the text now.
    expect(hasDerivedTextChanged(storedBefore("See [note 1](#fn1).", "MARKDOWN"))).toBe(true);
    // The demo's IPI note ends with a link: demo databases seeded before need it too.
    expect(hasDerivedTextChanged(storedBefore(corpus("ipi-emerging-lessons-from-minusma-2024.md"), "MARKDOWN"))).toBe(true);
  });

  it("is false once the text is stored again from the current parser, and reads old rows without markup", () => {
    const markup = "- one\n- two [link](https://example.org/)";
    expect(hasDerivedTextChanged({ markup, format: "MARKDOWN", text: parseMarkup(markup, "MARKDOWN").text })).toBe(false);
    expect(hasDerivedTextChanged({ markup: "", format: "TEXT", text: "Plain text." })).toBe(false);
  });
});
