import { AlignmentType, Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { makeZip } from "./fixtures/make-fixtures";
import { importSourceText } from "./import-source-text";
import { parseMarkup } from "@/lib/sources/markup";

async function buildDocx(): Promise<Uint8Array> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph("UN Security Council Resolution 2100 (April 25, 2013).")] } },
    sections: [
      {
        children: [
          new Paragraph({ text: "Emerging Lessons from MINUSMA", heading: HeadingLevel.TITLE }),
          new Paragraph({ text: "Introduction", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun("In April 2013, the Council authorized the mission’s "),
              new TextRun({ text: "establishment", bold: true }),
              new TextRun(" in Mali."),
              new FootnoteReferenceRun(1),
              new TextRun(" Participants were frank."),
            ],
          }),
          new Paragraph({ text: "Relationship with the Host State", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun("It was terminated on June 30"), new TextRun({ text: "th", superScript: true }), new TextRun(".")] }),
          new Paragraph({ text: "Protection of civilians", bullet: { level: 0 } }),
          new Paragraph({ text: "Support to élections", bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("importSourceText: DOCX", () => {
  test("extracts title, headings, paragraphs, bold, superscripts, lists and footnotes", async () => {
    const result = await importSourceText({ format: "DOCX", bytes: await buildDocx(), fileName: "note.docx" });
    expect(result.text).toBe(
      [
        "# Emerging Lessons from MINUSMA",
        "# Introduction",
        "In April 2013, the Council authorized the mission’s **establishment** in Mali.<sup>1</sup> Participants were frank.",
        "## Relationship with the Host State",
        "It was terminated on June 30<sup>th</sup>.",
        "- Protection of civilians",
        "- Support to élections",
        "<sup>1</sup> UN Security Council Resolution 2100 (April 25, 2013).",
      ].join("\n\n"),
    );
    expect(result.headings.map((heading) => [heading.level, heading.text])).toEqual([
      [1, "Emerging Lessons from MINUSMA"],
      [1, "Introduction"],
      [2, "Relationship with the Host State"],
    ]);
  });
});

/** A document with numbered and bulleted paragraphs, a link, Word's Quote style and, optionally, a title in its properties. */
async function buildStructuredDocx(title?: string): Promise<Uint8Array> {
  const doc = new Document({
    ...(title === undefined ? {} : { title }),
    styles: { paragraphStyles: [{ id: "Quote", name: "Quote", basedOn: "Normal", run: { italics: true } }] },
    numbering: { config: [{ reference: "steps", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: "Field notes from Mopti", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun("See "),
              new ExternalHyperlink({ link: "https://example.org/report", children: [new TextRun({ text: "the report", style: "Hyperlink" })] }),
              new TextRun("."),
            ],
          }),
          new Paragraph({ text: "Plan the drawdown early", numbering: { reference: "steps", level: 0 } }),
          new Paragraph({ text: "Fund the transition", numbering: { reference: "steps", level: 0 } }),
          new Paragraph({ text: "Peace to keep, said one participant.", style: "Quote" }),
          new Paragraph({ text: "And another.", style: "Quote" }),
          new Paragraph({ text: "Protection of civilians", bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("importSourceText: DOCX lists, quotes, links and title", () => {
  test("writes numbered paragraphs, Quote paragraphs and hyperlinks in the reader's Markdown", async () => {
    const result = await importSourceText({ format: "DOCX", bytes: await buildStructuredDocx("Lessons from the field") });
    expect(result.text).toBe(
      [
        "# Field notes from Mopti",
        "See [the report](https://example.org/report).",
        "1. Plan the drawdown early",
        "2. Fund the transition",
        "> Peace to keep, said one participant.\n>\n> And another.",
        "- Protection of civilians",
      ].join("\n\n"),
    );
    const page = parseMarkup(result.text, "DOCX");
    expect(page.blocks.map((block) => block.kind)).toEqual(["heading", "paragraph", "item", "item", "quote", "quote", "item"]);
    expect(page.marks).toEqual([{ kind: "link", href: "https://example.org/report", start: page.text.indexOf("the report"), end: page.text.indexOf("the report") + 10 }]);
  });

  test("proposes the title in the document's properties, else its first heading, else the file name", async () => {
    expect((await importSourceText({ format: "DOCX", bytes: await buildStructuredDocx("  Lessons &amp; <the> field "), fileName: "n.docx" })).title).toBe("Lessons &amp; <the> field");
    expect((await importSourceText({ format: "DOCX", bytes: await buildStructuredDocx(), fileName: "n.docx" })).title).toBe("Field notes from Mopti");
    expect((await importSourceText({ format: "DOCX", bytes: await buildStructuredDocx("Document1"), fileName: "n.docx" })).title).toBe("Field notes from Mopti");
    const untitled = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Just text.")] }] })));
    expect((await importSourceText({ format: "DOCX", bytes: untitled, fileName: "mopti_field-notes.docx" })).title).toBe("mopti field notes");
  });
});

describe("importSourceText: DOCX errors", () => {
  async function importError(bytes: Uint8Array): Promise<AppError> {
    const error = await importSourceText({ format: "DOCX", bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  test("a damaged zip (cut short) is malformed", async () => {
    const whole = await buildDocx();
    const error = await importError(whole.slice(0, whole.length - 200));
    expect(error).toMatchObject({ code: "BAD_REQUEST", messageKey: "importMalformed" });
    expect(error.message).toMatch(/not a readable \.docx/);
  });

  test("a zip that is not a Word document is malformed", async () => {
    const error = await importError(makeZip([{ name: "hello.txt", data: "hello" }]));
    expect(error).toMatchObject({ messageKey: "importMalformed" });
  });

  test("a zip whose main part is broken XML is malformed", async () => {
    const error = await importError(makeZip([{ name: "word/document.xml", data: "<w:document><unclosed" }]));
    expect(error).toMatchObject({ messageKey: "importMalformed" });
  });

  test("text bytes named .docx are malformed", async () => {
    const error = await importError(new TextEncoder().encode("Just some text saved with the wrong extension."));
    expect(error).toMatchObject({ messageKey: "importMalformed" });
  });

  test("a password-protected document (an encrypted OLE package) is reported as such", async () => {
    // Word stores an encrypted .docx as an OLE compound file holding an "EncryptedPackage" stream.
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const bytes = new Uint8Array([...header, ...new Uint8Array(504), ...Buffer.from("EncryptionInfo\0EncryptedPackage", "utf16le")]);
    const error = await importError(bytes);
    expect(error).toMatchObject({ code: "BAD_REQUEST", messageKey: "importPasswordProtected" });
    expect(error.message).toMatch(/password-protected.*remove the password/i);
  });

  test("a legacy .doc file is an unsupported format", async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(1024)]);
    expect(await importError(bytes)).toMatchObject({ messageKey: "importUnsupportedFormat" });
  });

  test("a decompression bomb is refused before it is expanded", async () => {
    const huge = new Uint8Array(65 * 1024 * 1024);
    expect(await importError(makeZip([{ name: "word/document.xml", data: huge }]))).toMatchObject({ messageKey: "importMalformed" });
    // The same bomb declaring a small size: inflating with a cap catches the lie.
    const lying = makeZip([{ name: "word/document.xml", data: new Uint8Array(8 * 1024 * 1024), declaredSize: 1000 }]);
    expect(await importError(lying)).toMatchObject({ messageKey: "importMalformed" });
  });
});
