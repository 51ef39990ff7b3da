import { describe, expect, it } from "vitest";
import { docxToSourceText } from "@/lib/sources/import/docx-to-text";
import { pdfToSourceText } from "@/lib/sources/import/pdf-to-text";
import { fileInZip } from "@/test/zip";
import { noteToDocx, noteToPdf } from "./render-note-files";

const text = (value: string, marks: string[] = []) => ({ type: "text", text: value, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const paragraph = (...content: object[]) => ({ type: "paragraph", content });
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
const HEADER = { title: "Workshop: meeting note", rule: null, language: "en" };

describe("note files", () => {
  it("lays out nested lists, numbering from the list's start, quotes and rules in the PDF", async () => {
    // Read back by the source importer, whose PDF reading turns a bullet glyph into a "- " item.
    const pdf = await pdfToSourceText(await noteToPdf(NOTE, HEADER));
    for (const line of ["Workshop: meeting note", "Partnerships", "3. Outer three", "- Inner bullet", "4. Outer four", "More on four", "Quoted", "second line", "After the rule."]) {
      expect(pdf).toContain(line);
    }
    expect(pdf.indexOf("3. Outer three")).toBeLessThan(pdf.indexOf("- Inner bullet"));
    expect(pdf.indexOf("- Inner bullet")).toBeLessThan(pdf.indexOf("4. Outer four"));
  });

  it("writes the same content to Word, numbered lists as Word numbering", async () => {
    const bytes = await noteToDocx(NOTE, HEADER);
    const docx = await docxToSourceText(bytes);
    for (const line of ["Workshop: meeting note", "Partnerships", "Outer three", "Inner bullet", "Outer four", "More on four", "After the rule."]) {
      expect(docx).toContain(line);
    }
    expect(docx.indexOf("Outer three")).toBeLessThan(docx.indexOf("Inner bullet"));
    // The numbered list keeps its first number (3), in its own numbering definition.
    expect(fileInZip(bytes, "word/numbering.xml")).toMatch(/<w:start w:val="3"\/>/);
  });

  it("makes a valid file of an empty or unreadable note", async () => {
    expect(await pdfToSourceText(await noteToPdf(null, HEADER))).toContain("Workshop: meeting note");
    expect(await docxToSourceText(await noteToDocx({ type: "doc", content: [{ type: "image" }] }, HEADER))).toContain("Workshop: meeting note");
  });
});
