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
  "“Peace to keep,” said one participant.",
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
