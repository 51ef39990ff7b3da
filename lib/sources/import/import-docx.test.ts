import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { makeZip } from "./fixtures/make-fixtures";
import { importSourceText } from "./import-source-text";

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
