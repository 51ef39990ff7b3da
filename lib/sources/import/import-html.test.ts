import { describe, expect, test } from "vitest";
import { parseMarkup } from "@/lib/sources/markup";
import { htmlToSourceText } from "./html-to-text";
import { importSourceText } from "./import-source-text";

const ARTICLE = `<!doctype html>
<html><head><title>Not shown</title><style>p { color: red }</style>
<script>window.stolen = document.cookie</script></head>
<body onload="alert('body')">
  <h1 class="title">Emerging   Lessons</h1>
  <p>The mission&rsquo;s <strong>mandate</strong> was renewed in June&nbsp;2023.<sup><a href="#fn1">[1]</a></sup>
     It was <b>not</b> the first&#8230;</p>
  <img src="x" onerror="alert('img')">
  <iframe src="https://example.org/"><p>iframe fallback</p></iframe>
  <h3>Partnerships <em>and</em> actors</h3>
  <ul><li>Regional <a href="javascript:alert(1)" onclick="alert(2)">organizations</a></li><li><p>Other actors</p></li></ul>
  <ol><li>First</li><li>Second</li></ol>
  <blockquote>“Peace to keep,” said one participant.</blockquote>
  <p hidden>Hidden text</p>
  <noscript>Enable JavaScript</noscript>
  <h6>Annex</h6>
  <p>Line one<br>line two &amp; &lt;more&gt;</p>
  <table><tr><th>Year</th><th>Troops</th></tr><tr><td>2013</td><td>11,200</td></tr></table>
  <p id="fn1"><sup>1</sup> UN Doc. S/RES/2100.</p>
</body></html>`;

const EXPECTED = [
  "# Emerging Lessons",
  "The mission’s **mandate** was renewed in June\u00a02023.<sup>1</sup> It was **not** the first…",
  "### Partnerships and actors",
  "- Regional organizations",
  "- Other actors",
  "1. First",
  "2. Second",
  "> “Peace to keep,” said one participant.",
  "###### Annex",
  "Line one\nline two & <more>",
  "Year | Troops",
  "2013 | 11,200",
  "<sup>1</sup> UN Doc. S/RES/2100.",
].join("\n\n");

describe("importSourceText: HTML", () => {
  test("maps headings, paragraphs, lists, footnote markers and bold; decodes entities", async () => {
    const result = await importSourceText({ format: "HTML", bytes: new TextEncoder().encode(ARTICLE) });
    expect(result.text).toBe(EXPECTED);
    expect(result.headings).toEqual([
      { level: 1, text: "Emerging Lessons", start: 0 },
      { level: 3, text: "Partnerships and actors", start: EXPECTED.indexOf("### Partnerships") },
      { level: 6, text: "Annex", start: EXPECTED.indexOf("###### Annex") },
    ]);
  });

  test("drops scripts, styles, iframes, event handlers and hidden content entirely", async () => {
    const { text, originalText } = await importSourceText({ format: "HTML", text: ARTICLE });
    for (const gone of ["script", "cookie", "alert", "onerror", "onload", "onclick", "javascript", "color: red", "iframe", "Hidden", "Not shown", "Enable JavaScript"]) {
      expect(text).not.toContain(gone);
      expect(originalText).not.toContain(gone);
    }
  });

  test("bold that holds a footnote marker stays readable by the reading view", () => {
    const text = htmlToSourceText("<p><strong>Key point.<sup>2</sup> More bold</strong> plain</p>");
    expect(text).toBe("**Key point.**<sup>2</sup> **More bold** plain");
    const parsed = parseMarkup(text, "HTML");
    expect(parsed.text).toBe("Key point.2 More bold plain");
    expect(parsed.marks.map((mark) => [mark.kind, parsed.text.slice(mark.start, mark.end)])).toEqual([
      ["strong", "Key point."],
      ["sup", "2"],
      ["strong", "More bold"],
    ]);
  });

  test("keeps preformatted text and skips unclosed scripts to the end", () => {
    expect(htmlToSourceText("<pre>a  b\n  c</pre><p>after</p>")).toBe("a  b\n  c\n\nafter");
    expect(htmlToSourceText("<p>before</p><script>never(); <p>closed</p>")).toBe("before");
    expect(htmlToSourceText("<svg><script>x()</script><text>svg text</text></svg><p>kept</p>")).toBe("kept");
  });

  test("reads the declared charset of a legacy page", async () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode('<meta charset="windows-1252"><p>Caf'), 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94, ...new TextEncoder().encode("</p>")]);
    expect((await importSourceText({ format: "HTML", bytes: latin1 })).text).toBe("Café “ok”");
  });
});

describe("importSourceText: HTML lists, quotes and links", () => {
  test("writes links to http:, https: and mailto: URLs as Markdown links, other links as their text", () => {
    const html =
      '<p>See <a href="https://example.org/Mali_(country)">the <b>report</b></a>, <a href="MAILTO:info@example.org">write</a>, ' +
      '<a href="/relative">a page</a>, <a href="javascript:alert(1)">a trap</a> and <a href="data:text/html,x">data</a>.</p>';
    const markup = htmlToSourceText(html);
    expect(markup).toBe("See [the **report**](https://example.org/Mali_%28country%29), [write](mailto:info@example.org), a page, a trap and data.");
    const page = parseMarkup(markup, "HTML");
    expect(page.text).toBe("See the report, write, a page, a trap and data.");
    expect(page.marks.map((mark) => [mark.kind, page.text.slice(mark.start, mark.end), mark.kind === "link" ? mark.href : ""])).toEqual([
      ["link", "the report", "https://example.org/Mali_%28country%29"],
      ["strong", "report", ""],
      ["link", "write", "mailto:info@example.org"],
    ]);
  });

  test("keeps bold around a link and footnote markers in or around one readable by the reading view", () => {
    const markup = htmlToSourceText('<p><strong>Bold <a href="https://e.org/">linked</a> bold</strong> x<sup><a href="https://e.org/fn">2</a></sup></p>');
    expect(markup).toBe("**Bold** [**linked**](https://e.org/) **bold** x<sup>[2](https://e.org/fn)</sup>");
    const page = parseMarkup(markup, "HTML");
    expect(page.text).toBe("Bold linked bold x2");
    expect(page.marks.map((mark) => [mark.kind, page.text.slice(mark.start, mark.end)])).toEqual([
      ["strong", "Bold"],
      ["link", "linked"],
      ["strong", "linked"],
      ["strong", "bold"],
      ["sup", "2"],
      ["link", "2"],
    ]);
  });

  test("leaves links in headings and labels with brackets as text, and carries a link around blocks into each", () => {
    expect(htmlToSourceText('<h2>Part <a href="https://e.org/">one</a></h2><p><a href="https://e.org/">[1]</a></p>')).toBe("## Part one\n\n[1]");
    expect(htmlToSourceText('<a href="https://e.org/"><p>one</p><p>two</p></a>')).toBe("[one](https://e.org/)\n\n[two](https://e.org/)");
  });

  test("writes a block quote's paragraphs as one quote, and separate quotes apart", () => {
    const markup = htmlToSourceText("<blockquote><p>“Peace to keep,”</p><p>said <b>one</b>.<br>Then left.</p></blockquote><p>Between.</p><blockquote><h3>Heading</h3>Other</blockquote>");
    expect(markup).toBe("> “Peace to keep,”\n>\n> said **one**.\n> Then left.\n\nBetween.\n\n> Heading\n>\n> Other");
    const page = parseMarkup(markup, "HTML");
    expect(page.text).toBe("“Peace to keep,”\n\nsaid one.\nThen left.\n\nBetween.\n\nHeading\n\nOther");
    expect(page.blocks.map((block) => [block.kind, "group" in block ? block.group : null])).toEqual([
      ["quote", 0],
      ["quote", 0],
      ["paragraph", null],
      ["quote", 1],
      ["quote", 1],
    ]);
  });

  test("numbers ordered lists from their start attribute, and the reader shows lists without markers", () => {
    const markup = htmlToSourceText('<ol start="4"><li>Four</li><li>Five</li></ol><ol start="x"><li>One</li></ol><ul><li>Dot <a href="https://e.org/">link</a></li></ul>');
    expect(markup).toBe("4. Four\n\n5. Five\n\n1. One\n\n- Dot [link](https://e.org/)");
    const page = parseMarkup(markup, "HTML");
    expect(page.text).toBe("Four\n\nFive\n\nOne\n\nDot link");
    expect(page.blocks.map((block) => (block.kind === "item" ? [block.group, block.ordered, block.number] : block.kind))).toEqual([
      [0, true, 4],
      [0, true, 5],
      // A new <ol> right after another is written as one Markdown list.
      [0, true, 6],
      [1, false, 1],
    ]);
  });

  test("proposes the page's <title>, else its first heading, else the file name", async () => {
    const propose = async (html: string, fileName?: string) => (await importSourceText({ format: "HTML", bytes: new TextEncoder().encode(html), fileName })).title;
    expect(await propose(ARTICLE, "page.html")).toBe("Not shown");
    expect(await propose("<title> </title><h2>Partnerships &amp; actors</h2><p>Text</p>", "page.html")).toBe("Partnerships & actors");
    expect(await propose("<p>Only text</p>", "lessons_learned-2024.html")).toBe("lessons learned 2024");
  });
});
