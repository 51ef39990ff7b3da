import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { docxToSourceText } from "@/lib/sources/import/docx-to-text";
import { pdfToSourceText } from "@/lib/sources/import/pdf-to-text";
import { fileInZip } from "@/test/zip";
import { resolveNote } from "../resolve-note";
import { noteToDocx } from "./docx";
import { noteToPdf } from "./pdf";
import { docxHtml, findPdftoppm, readPdf, renderFirstPage } from "./read-back";
import { ARABIC, CYRILLIC, GREEK, HEADER, SAMPLE_CITATION, SAMPLE_IDS, paragraph, sampleNote, sampleReferences, text } from "./test-notes";

const item = (...content: object[]) => ({ type: "listItem", content });

/** Lists inside lists, a second paragraph in an item, a quote with a line break, a rule. */
const NOTE = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Partnerships")] },
    {
      type: "orderedList",
      attrs: { start: 3 },
      content: [
        item(paragraph(text("Outer three")), { type: "bulletList", content: [item(paragraph(text("Inner bullet")))] }),
        item(paragraph(text("Outer four")), paragraph(text("More on four"))),
      ],
    },
    { type: "blockquote", content: [paragraph(text("Quoted"), { type: "hardBreak" }, text("second line", ["bold"]))] },
    { type: "horizontalRule" },
    paragraph(text("After the rule.")),
  ],
};
const plain = (doc: unknown) => ({ doc: doc as never, footnotes: [] });
const resolved = () => resolveNote(sampleNote(SAMPLE_IDS), sampleReferences(SAMPLE_IDS), { locale: "en" });

describe("PDF export", () => {
  it("lays out nested lists, numbering from the list's start, quotes and rules", async () => {
    // Read back by the source importer, whose PDF reading turns a bullet glyph into a "- " item.
    const pdf = await pdfToSourceText(await noteToPdf(plain(NOTE), HEADER));
    for (const line of ["Lessons from Mali: meeting note", "Partnerships", "3. Outer three", "- Inner bullet", "4. Outer four", "More on four", "Quoted", "second line", "After the rule."]) {
      expect(pdf).toContain(line);
    }
    expect(pdf.indexOf("3. Outer three")).toBeLessThan(pdf.indexOf("- Inner bullet"));
    expect(pdf.indexOf("- Inner bullet")).toBeLessThan(pdf.indexOf("4. Outer four"));
  });

  it("shows phrases in words, superscript markers, then the numbered notes, the flagged one marked, in an embedded font", async () => {
    const bytes = await noteToPdf(resolved(), { ...HEADER, methods: "“Participants generally agreed” means…" });
    const text = await pdfToSourceText(bytes);
    expect(text).toContain("Participants generally agreed that the mission lacked a peace to keep.<sup>2</sup>");
    expect(text).toContain("A few participants noted that consent eroded after 2021.<sup>3</sup> See also the review.<sup>2</sup>");
    const notes = text.slice(text.indexOf("## Notes"));
    const order = ["1. UN Security Council Resolution 2100", `2. ${SAMPLE_CITATION} “the mission was never given a peace to keep”`, "3. Old report, 3. [passage no longer in the source]"];
    for (const line of order) expect(notes).toContain(line);
    expect(order.map((line) => notes.indexOf(line))).toEqual(order.map((line) => notes.indexOf(line)).sort((a, b) => a - b));
    expect(text.indexOf("## Methods")).toBeLessThan(text.indexOf("## Notes"));

    const { pages, info } = await readPdf(bytes);
    // Greek, Cyrillic and Arabic come back as text (the font has their glyphs and a Unicode map).
    for (const words of [GREEK, CYRILLIC, ARABIC]) expect(pages.join(" ")).toContain(words);
    expect(info).toMatchObject({ Title: HEADER.title, Author: "Rapporteur", Creator: "Rapporteur", Producer: "Rapporteur" });
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toMatch(/\/FontFile2 /);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it("numbers every page, n / total", async () => {
    const long = { type: "doc", content: Array.from({ length: 120 }, (_, index) => paragraph(text(`Paragraph ${index + 1}: ${"words that fill the page ".repeat(8)}`))) };
    const { pages } = await readPdf(await noteToPdf(plain(long), HEADER));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => expect(page).toMatch(new RegExp(`${index + 1} / ${pages.length}$`)));
  });

  it("renders its first page to PNG (with poppler's pdftoppm; `npm test` installs poppler-utils)", async () => {
    const pdftoppm = await findPdftoppm();
    expect(pdftoppm, "pdftoppm is not installed (Debian: poppler-utils)").not.toBeNull();
    const target = "test-results/note-export/first-page.png";
    await renderFirstPage(pdftoppm!, await noteToPdf(resolved(), HEADER), target);
    const png = fs.readFileSync(target);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
  });

  it("makes a valid file of an empty or unreadable note", async () => {
    expect(await pdfToSourceText(await noteToPdf(plain(null), HEADER))).toContain("Lessons from Mali: meeting note");
  });
});

describe("Word export", () => {
  it("writes the same content to Word, numbered lists as Word numbering", async () => {
    const bytes = await noteToDocx(plain(NOTE), HEADER);
    const docx = await docxToSourceText(bytes);
    for (const line of ["Lessons from Mali: meeting note", "Partnerships", "Outer three", "Inner bullet", "Outer four", "More on four", "After the rule."]) {
      expect(docx).toContain(line);
    }
    expect(docx.indexOf("Outer three")).toBeLessThan(docx.indexOf("Inner bullet"));
    // The numbered list keeps its first number (3), in its own numbering definition.
    expect(fileInZip(bytes, "word/numbering.xml")).toMatch(/<w:start w:val="3"\/>/);
  });

  it("makes real Word footnotes, one per number, a second citation a superscript of the same number", async () => {
    const bytes = await noteToDocx(resolved(), HEADER);
    const document = fileInZip(bytes, "word/document.xml");
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((match) => match[1])).toEqual(["1", "2", "3"]);
    const footnotes = fileInZip(bytes, "word/footnotes.xml");
    expect(footnotes).toContain(SAMPLE_CITATION.replaceAll('"', "&quot;"));
    expect(footnotes).toContain("[passage no longer in the source]");

    // mammoth (the source importer) reads the footnotes back, in order, each where it is cited.
    const html = await docxHtml(bytes);
    const listed = [...html.matchAll(/<li id="footnote-(\d+)">(.*?)<\/li>/g)].map((match) => [match[1], match[2]]);
    expect(listed.map(([id]) => id)).toEqual(["1", "2", "3"]);
    expect(listed[1]![1]).toContain("“the mission was never given a peace to keep”");
    expect(html).toContain("Participants generally agreed that the mission lacked a peace to keep.");
    expect(html).toMatch(/See also the review\.<sup>2<\/sup>/);
  });

  it("makes a valid file of an unreadable note", async () => {
    expect(await docxToSourceText(await noteToDocx(plain({ type: "doc", content: [{ type: "image" }] }), HEADER))).toContain("Lessons from Mali: meeting note");
  });
});
