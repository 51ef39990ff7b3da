import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { detectFormat, importSourceText, MAX_SOURCE_BYTES, MAX_SOURCE_CHARS } from "./import-source-text";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function importError(input: Parameters<typeof importSourceText>[0]): Promise<AppError> {
  const error = await importSourceText(input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("importSourceText: TEXT and MARKDOWN", () => {
  test("plain text is kept as is, normalized, with no headings", async () => {
    const raw = "\uFEFFCafé “Mali”\r\n\r\n\r\n# not a heading   \r\nline two\n";
    const result = await importSourceText({ format: "TEXT", bytes: utf8(raw), fileName: "note.txt" });
    expect(result).toEqual({
      format: "TEXT",
      originalText: "Café “Mali”\r\n\r\n\r\n# not a heading   \r\nline two\n",
      text: "Café “Mali”\n\n# not a heading\nline two",
      headings: [],
      // Plain text has no headings: the file name is all there is to propose.
      title: "note",
    });
  });

  test("UTF-16 text with a byte-order mark (Windows Notepad) is decoded", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("Élan ’quoted’", "utf16le")]);
    expect((await importSourceText({ format: "TEXT", bytes })).text).toBe("Élan ’quoted’");
  });

  test("pasted Markdown keeps headings, bold and footnote markers", async () => {
    const markdown = "# Title\nIntro with **bold**.<sup>1</sup>\n## Part *two*\n\n<sup>1</sup> A footnote.";
    const result = await importSourceText({ format: "MARKDOWN", text: markdown });
    expect(result.text).toBe("# Title\n\nIntro with **bold**.<sup>1</sup>\n\n## Part *two*\n\n<sup>1</sup> A footnote.");
    expect(result.originalText).toBe(markdown);
    expect(result.headings).toEqual([
      { level: 1, text: "Title", start: 0 },
      { level: 2, text: "Part *two*", start: result.text.indexOf("## Part") },
    ]);
  });

  test("'#' lines inside a code fence are not headings", async () => {
    const result = await importSourceText({ format: "MARKDOWN", text: "```\n# comment\ncode\n```" });
    expect(result.text).toBe("```\n# comment\ncode\n```");
    expect(result.headings).toEqual([]);
  });
});

describe("importSourceText: errors", () => {
  test("a file over the limit, stating its size and the limit", async () => {
    const error = await importError({ format: "PDF", bytes: new Uint8Array(Math.round(12.3 * 1024 * 1024)) });
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", messageKey: "importTooLarge", status: 413 });
    expect(error.message).toBe("The file is 12.3 MB; the limit is 10 MB.");
    expect(MAX_SOURCE_BYTES).toBe(10 * 1024 * 1024);
  });

  test("pasted text over the character limit", async () => {
    const error = await importError({ format: "TEXT", text: "a".repeat(MAX_SOURCE_CHARS + 1) });
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", messageKey: "importTooLong" });
    expect(error.message).toBe("The text is 2,000,001 characters long; the limit is 2,000,000. Split the source into parts.");
  });

  test.each([
    ["an empty file", { format: "TEXT", bytes: new Uint8Array(0) }],
    ["blank pasted text", { format: "MARKDOWN", text: " \n\n\t " }],
    ["HTML with no text", { format: "HTML", text: "<script>alert(1)</script><p> </p>" }],
    ["a PDF without bytes", { format: "PDF", text: "pasted" }],
  ] as const)("%s is empty", async (_label, input) => {
    expect(await importError(input)).toMatchObject({ code: "BAD_REQUEST", messageKey: "importEmpty" });
  });

  test("binary bytes uploaded as .txt", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const error = await importError({ format: "TEXT", bytes: png });
    expect(error).toMatchObject({ code: "BAD_REQUEST", messageKey: "importMalformed" });
    expect(error.message).toMatch(/UTF-8/);
  });

  test("valid UTF-8 that is binary (NUL bytes) uploaded as .txt", async () => {
    const error = await importError({ format: "TEXT", bytes: utf8("abc\u0000\u0000\u0001def") });
    expect(error).toMatchObject({ messageKey: "importMalformed" });
    expect(error.message).toMatch(/binary/);
  });

  test("Latin-1 text that is not UTF-8", async () => {
    const error = await importError({ format: "MARKDOWN", bytes: new Uint8Array([0x43, 0x61, 0x66, 0xe9]) });
    expect(error.message).toMatch(/not valid UTF-8.*Save it as UTF-8/);
  });

  test("an unknown format", async () => {
    const error = await importError({ format: "RTF" as "TEXT", text: "{\\rtf1}" });
    expect(error).toMatchObject({ messageKey: "importUnsupportedFormat" });
  });
});

describe("detectFormat", () => {
  test.each([
    ["notes.TXT", undefined, "TEXT"],
    ["lessons.md", "application/octet-stream", "MARKDOWN"],
    ["page.htm", undefined, "HTML"],
    ["report.pdf", "", "PDF"],
    ["note.docx", undefined, "DOCX"],
    ["upload", "application/pdf", "PDF"],
    ["upload", "text/html; charset=utf-8", "HTML"],
    ["legacy.doc", "application/msword", null],
    ["archive.zip", undefined, null],
  ] as const)("%s (%s) → %s", (fileName, mimeType, format) => {
    expect(detectFormat(fileName, mimeType)).toBe(format);
  });
});
