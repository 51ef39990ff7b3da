import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { makePdf } from "./fixtures/make-fixtures";
import { importSourceText } from "./import-source-text";
import { joinLines, layOutPdfText } from "./pdf-paragraphs";

const LEADING = 13.2;

/** Writes lines of 11-point Helvetica at explicit positions, so the layout is known exactly. */
function writeLines(doc: PDFKit.PDFDocument, top: number, lines: string[]): number {
  doc.font("Helvetica").fontSize(11);
  lines.forEach((line, index) => doc.text(line, 72, top + index * LEADING, { lineBreak: false }));
  return top + lines.length * LEADING;
}

function twoPageReport(): Promise<Uint8Array> {
  return makePdf((doc) => {
    doc.font("Helvetica-Bold").fontSize(20).text("Lessons from MINUSMA", 72, 72, { lineBreak: false });
    writeLines(doc, 110, [
      "The mission’s mandate was extended to the cen-",
      "tral region in 2019 without any new resources,",
      "as one participant noted.",
    ]);
    // A footnote marker: 7-point, raised above the baseline, right after the full stop.
    const end = 72 + doc.widthOfString("as one participant noted.");
    doc.fontSize(7).text("1", end + 0.5, 110 + 2 * LEADING - 1.5, { lineBreak: false });
    writeLines(doc, 162, ["A second paragraph with “curly quotes” and accents", "such as é and ï runs on to the next page and"]);
    doc.fontSize(11).text("1", 300, 750, { lineBreak: false });
    doc.addPage();
    writeLines(doc, 72, ["continues here."]);
    doc.fontSize(8).text("1 UN Security Council Resolution 2480 (2019).", 72, 700, { lineBreak: false });
  });
}

describe("importSourceText: PDF", () => {
  test("lays out headings, paragraphs, footnote markers, hyphens and page breaks", async () => {
    const progress: number[] = [];
    const result = await importSourceText({ format: "PDF", bytes: await twoPageReport(), onProgress: (f) => progress.push(f) });
    expect(result.text).toBe(
      [
        "# Lessons from MINUSMA",
        "The mission’s mandate was extended to the central region in 2019 without any new resources, as one participant noted.<sup>1</sup>",
        "A second paragraph with “curly quotes” and accents such as é and ï runs on to the next page and continues here.",
        "1 UN Security Council Resolution 2480 (2019).",
      ].join("\n\n"),
    );
    expect(result.headings).toEqual([{ level: 1, text: "Lessons from MINUSMA", start: 0 }]);
    expect(result.format).toBe("PDF");
    expect(progress).toEqual([0.5, 1, 1]);
  });

  test("keeps short lines that end a sentence as separate paragraphs", async () => {
    const bytes = await makePdf((doc) => {
      writeLines(doc, 72, ["A first paragraph that fills the whole line here", "and ends on a short line.", "The next paragraph starts without a gap."]);
    });
    const { text } = await importSourceText({ format: "PDF", bytes });
    expect(text).toBe("A first paragraph that fills the whole line here and ends on a short line.\n\nThe next paragraph starts without a gap.");
  });

  test("a PDF restricted only by an owner password still imports", async () => {
    const bytes = await makePdf((doc) => writeLines(doc, 72, ["Readable without a password."]), {
      ownerPassword: "owner",
      permissions: { copying: false, modifying: false },
    });
    expect((await importSourceText({ format: "PDF", bytes })).text).toBe("Readable without a password.");
  });

  test("joins lines: hyphen removed before lowercase, kept before a capital", () => {
    expect(joinLines("the cen-", "tral region")).toBe("the central region");
    expect(joinLines("the Franco-", "Malian accord")).toBe("the Franco-Malian accord");
    expect(joinLines("the mission—", "which")).toBe("the mission—which");
    expect(joinLines("a line", "another")).toBe("a line another");
  });
});

/** An XMP packet with a dc:title, as Acrobat and Word write it. */
function xmpWithTitle(title: string): string {
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>` +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}

/** A heading and a paragraph, with an Info Title and, optionally, an XMP title. */
function titledPdf(info: string | undefined, xmp?: string): Promise<Uint8Array> {
  return makePdf(
    (doc) => {
      if (xmp !== undefined) {
        // pdfkit writes no XMP of its own: attach a metadata stream to the catalog by hand.
        const internals = doc as unknown as { ref(data: object): { end(data: Buffer): void }; _root: { data: Record<string, unknown> } };
        const metadata = internals.ref({ Type: "Metadata", Subtype: "XML" });
        metadata.end(Buffer.from(xmpWithTitle(xmp), "utf8"));
        internals._root.data.Metadata = metadata;
      }
      doc.font("Helvetica-Bold").fontSize(20).text("Heading of the report", 72, 72, { lineBreak: false });
      writeLines(doc, 110, ["Body text of the report, long enough to be the body."]);
    },
    info === undefined ? {} : { info: { Title: info } },
  );
}

describe("importSourceText: PDF lists and title", () => {
  test("makes lines that start with a bullet glyph list items, until a line starts left of the bullet", async () => {
    const bytes = await makePdf((doc) => {
      writeLines(doc, 72, ["Participants listed three needs:"]);
      doc.font("Helvetica").fontSize(11);
      ["• Air assets for medical evacuation,", "• Funding that lasts", "•Time"].forEach((line, index) => doc.text(line, 90, 72 + (index + 1) * LEADING, { lineBreak: false }));
      writeLines(doc, 72 + 4 * LEADING, ["After the list, the text goes on."]);
    });
    const { text } = await importSourceText({ format: "PDF", bytes });
    expect(text).toBe(["Participants listed three needs:", "- Air assets for medical evacuation,", "- Funding that lasts", "- Time", "After the list, the text goes on."].join("\n\n"));
  });

  test("reads Word's Symbol-font bullet (U+F0B7) as a bullet too", () => {
    const line = (text: string, y: number) => ({ text, x: 90, y, right: 300, size: 11 });
    expect(layOutPdfText([[line("\uF0B7 Protection of civilians", 700), line("\uF0B7 Support to elections", 686)]])).toBe("- Protection of civilians\n\n- Support to elections");
  });

  test("proposes the XMP title, then the Info title, then the first heading, then the file name", async () => {
    const title = async (bytes: Uint8Array, fileName?: string) => (await importSourceText({ format: "PDF", bytes, fileName })).title;
    expect(await title(await titledPdf("Info title", "Leçons du terrain"))).toBe("Leçons du terrain");
    expect(await title(await titledPdf("Info title"))).toBe("Info title");
    expect(await title(await titledPdf("Microsoft Word - report_v2.docx", "Untitled"))).toBe("Heading of the report");
    const plain = await makePdf((doc) => writeLines(doc, 72, ["Only body text here, at one size."]));
    expect(await title(plain, "unhcr_mali-report.pdf")).toBe("unhcr mali report");
  });
});

describe("importSourceText: PDF errors", () => {
  async function importError(bytes: Uint8Array): Promise<AppError> {
    const error = await importSourceText({ format: "PDF", bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  test("a password-protected PDF", async () => {
    const bytes = await makePdf((doc) => writeLines(doc, 72, ["Secret."]), { userPassword: "secret" });
    const error = await importError(bytes);
    expect(error).toMatchObject({ code: "BAD_REQUEST", messageKey: "importPasswordProtected" });
    expect(error.message).toMatch(/password-protected/);
  });

  test.each([
    ["not a PDF at all", new TextEncoder().encode("hello, I am not a PDF")],
    ["a PDF header and garbage", new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")],
  ])("malformed: %s", async (_label, bytes) => {
    const error = await importError(bytes);
    expect(error).toMatchObject({ code: "BAD_REQUEST", messageKey: "importMalformed" });
    expect(error.message).toMatch(/not a readable PDF/);
  });

  test("a truncated PDF is an error or the text it still holds, never a crash", async () => {
    const whole = await twoPageReport();
    const outcome = await importSourceText({ format: "PDF", bytes: whole.slice(0, whole.length / 2) }).catch((e: unknown) => e);
    if (outcome instanceof AppError) expect(outcome.code).toBe("BAD_REQUEST");
    else expect(outcome).toHaveProperty("text");
  });

  test("a PDF without a text layer", async () => {
    const error = await importError(await makePdf((doc) => doc.rect(72, 72, 100, 100).fill("#333")));
    expect(error).toMatchObject({ code: "BAD_REQUEST", messageKey: "importEmpty" });
    expect(error.message).toMatch(/OCR/);
  });
});
