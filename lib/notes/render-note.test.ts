import { describe, expect, it } from "vitest";
import { noteToHtml, noteToMarkdown } from "./render-note";

const text = (value: string, marks: string[] = []) => ({ type: "text", text: value, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const paragraph = (...content: object[]) => ({ type: "paragraph", content });
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

describe("noteToMarkdown", () => {
  it("writes headings, emphasis, lists (numbering kept), quotes and rules", () => {
    expect(noteToMarkdown(NOTE)).toBe(
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
    const markdown = noteToMarkdown({ type: "doc", content: [paragraph(text("*not emphasis* # not a heading <script>alert(1)</script> [x](javascript:alert(1))"))] });
    expect(markdown).toContain("\\*not emphasis\\*");
    expect(markdown).toContain("\\[x\\]");
    expect(markdown).toContain("\\<script\\>");
    expect(markdown).not.toMatch(/^#/);
  });
});

describe("noteToHtml", () => {
  it("renders the same structure as HTML with text escaped", () => {
    const html = noteToHtml({ type: "doc", content: [...NOTE.content, paragraph(text("<img src=x onerror=alert(1)>"))] });
    expect(html).toContain("<h2>Relationship with the host state</h2>");
    expect(html).toContain("<strong>consent</strong>");
    expect(html).toContain('<ol start="3">');
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
  });

  it("drops nodes and marks the note does not allow, and survives JSON that does not fit", () => {
    expect(noteToHtml({ type: "doc", content: [{ type: "image", attrs: { src: "x" } }] })).toBe("<p></p>");
    expect(noteToHtml(null)).toBe("<p></p>");
    expect(noteToMarkdown(null)).toBe("");
    expect(noteToMarkdown(NOTE)).not.toBe("");
  });
});
