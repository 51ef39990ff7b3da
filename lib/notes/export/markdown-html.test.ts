import { describe, expect, it } from "vitest";
import { resolveNote } from "../resolve-note";
import { noteBodyToMarkdown, noteToMarkdown } from "./markdown";
import { noteBodyToHtml, noteToHtml } from "./html";
import { HEADER, SAMPLE_CITATION, SAMPLE_IDS, SAMPLE_QUOTE, paragraph, sampleNote, sampleReferences, text } from "./test-notes";

const item = (value: string) => ({ type: "listItem", content: [paragraph(text(value))] });

const NOTE = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Relationship with the host state")] },
    paragraph(text("Participants generally agreed that "), text("consent", ["bold"]), text(" faded; "), text("one", ["italic"]), text(" participant noted it early.")),
    { type: "bulletList", content: [item("Plan the drawdown"), item("Share the plan with partners")] },
    { type: "orderedList", attrs: { start: 3 }, content: [item("Third"), item("Fourth")] },
    { type: "blockquote", content: [paragraph(text("A quoted line"), { type: "hardBreak" }, text("and its second line"))] },
    { type: "horizontalRule" },
    paragraph(text("Struck", ["strike"]), text(" and "), text("underlined", ["underline"])),
  ],
};

const resolved = () => resolveNote(sampleNote(SAMPLE_IDS), sampleReferences(SAMPLE_IDS), { locale: "en" });

describe("Markdown export", () => {
  it("writes headings, emphasis, lists (numbering kept), quotes and rules", () => {
    expect(noteBodyToMarkdown(NOTE)).toBe(
      [
        "## Relationship with the host state",
        "",
        "Participants generally agreed that **consent** faded; *one* participant noted it early.",
        "",
        "* Plan the drawdown",
        "* Share the plan with partners",
        "",
        "3. Third",
        "4. Fourth",
        "",
        "> A quoted line\\",
        "> and its second line",
        "",
        "---",
        "",
        "~~Struck~~ and underlined",
      ].join("\n"),
    );
  });

  it("escapes what Markdown would read as syntax, and leaves HTML as text", () => {
    const markdown = noteBodyToMarkdown({ type: "doc", content: [paragraph(text("*not emphasis* # not a heading <script>alert(1)</script> [x](javascript:alert(1))"))] });
    expect(markdown).toContain("\\*not emphasis\\*");
    expect(markdown).toContain("\\[x\\]");
    expect(markdown).toContain("\\<script\\>");
    expect(markdown).not.toMatch(/^#/);
  });

  it("lays the resolved note out like the corpus note: header, phrases in words, [^n] footnotes defined at the end", () => {
    const markdown = noteToMarkdown(resolved(), { ...HEADER, methods: "“Participants generally agreed” means…" });
    expect(markdown.split("\n\n").slice(0, 3)).toEqual(["# Lessons from Mali: meeting note", "June 13, 2024, New York", "*The meeting was held under the Chatham House Rule.*"]);
    expect(markdown).toContain("Participants generally agreed that the mission lacked a peace to keep.[^2]");
    expect(markdown).toContain("A few participants noted that consent eroded after 2021.[^3] See also the review.[^2]");
    expect(markdown).toContain("## Methods\n\n“Participants generally agreed” means…");
    const definitions = markdown.slice(markdown.indexOf("[^1]:")).trimEnd().split("\n");
    expect(definitions).toEqual([
      "[^1]: UN Security Council Resolution 2100 (April 25, 2013), UN Doc. S/RES/2100.",
      `[^2]: ${SAMPLE_CITATION} “${SAMPLE_QUOTE}”`,
      "[^3]: Old report, 3. *\\[passage no longer in the source\\]*",
    ]);
    // A footnote stays one definition, whatever line breaks its text or quote held.
    const broken = resolveNote(
      { type: "doc", content: [paragraph(text("Text."), { type: "citation", attrs: { passageId: null, note: "First line\n\n[^9]: not a definition", quote: false } })] },
      { lessons: {}, passages: {} },
      { locale: "en" },
    );
    expect(noteToMarkdown(broken, HEADER).trimEnd().split("\n").at(-1)).toBe("[^1]: First line \\[^9\\]: not a definition");
    // No reference node survives as such.
    expect(markdown).not.toMatch(/lessonRef|citation|lesson1|passage1/);
  });
});

describe("HTML export", () => {
  it("renders the same structure as HTML with text escaped", () => {
    const html = noteBodyToHtml({ type: "doc", content: [...NOTE.content, paragraph(text("<img src=x onerror=alert(1)>"))] });
    expect(html).toContain("<h2>Relationship with the host state</h2>");
    expect(html).toContain("<strong>consent</strong>");
    expect(html).toContain('<ol start="3">');
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
  });

  it("drops nodes and marks the note does not allow, and survives JSON that does not fit", () => {
    expect(noteBodyToHtml({ type: "doc", content: [{ type: "image", attrs: { src: "x" } }] })).toBe("<p></p>");
    expect(noteBodyToHtml(null)).toBe("<p></p>");
    expect(noteBodyToMarkdown(null)).toBe("");
  });

  it("links each marker to its footnote and each footnote back to every place it is cited", () => {
    const html = noteToHtml(resolved(), HEADER);
    expect(html).toContain('<p class="dateline">June 13, 2024, New York</p>');
    expect(html).toContain('Participants generally agreed that the mission lacked a peace to keep.<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2</a></sup>');
    expect(html).toContain('See also the review.<sup class="footnote-ref"><a href="#fn-2" id="fnref-2-2">2</a></sup>');
    const notes = html.slice(html.indexOf('<section class="footnotes">'));
    expect(notes).toContain("<h2>Notes</h2>");
    const items = [...notes.matchAll(/<li id="fn-(\d+)"[^>]*>(.*?)<\/li>/g)].map((match) => [match[1], match[2]]);
    expect(items.map(([number]) => number)).toEqual(["1", "2", "3"]);
    expect(items[1]![1]).toContain("“the mission was never given a peace to keep”");
    expect(items[1]![1]).toContain('href="#fnref-2"');
    expect(items[1]![1]).toContain('href="#fnref-2-2"');
    expect(items[2]![1]).toContain('<span class="flagged">[passage no longer in the source]</span>');
    expect(html).not.toMatch(/data-lesson-ref|data-passage-id|passage1|lesson1/);
  });
});
