import { normalizeSourceText } from "@/lib/sources/normalize-text";
import { decodeText, sniffHtmlCharset } from "./decode-text";
import { docxToSourceText } from "./docx-to-text";
import { readDocxTitle } from "./docx-title";
import { findHeadings, separateMarkdownHeadings, type SourceHeading } from "./headings";
import { readHtmlTitle } from "./html-title";
import { htmlToSourceText } from "./html-to-text";
import {
  IMPORT_FORMATS,
  MAX_SOURCE_BYTES,
  MAX_SOURCE_CHARS,
  emptyError,
  fileTooLargeError,
  textTooLongError,
  unsupportedFormatError,
  type ImportFormat,
} from "./import-errors";
import { pdfToSourceText } from "./pdf-to-text";
import { proposeSourceTitle } from "./propose-title";

export { detectFormat } from "./detect-format";
export { IMPORT_FORMATS, MAX_SOURCE_BYTES, MAX_SOURCE_CHARS, type ImportFormat } from "./import-errors";
export type { SourceHeading } from "./headings";

/** What to import: a file's bytes, or pasted text, in a known format. */
export type ImportSourceTextInput = {
  format: ImportFormat;
  /** The uploaded file; required for PDF and DOCX. */
  bytes?: Uint8Array;
  /** Pasted text (TEXT, MARKDOWN or HTML), used when no bytes are given. */
  text?: string;
  /** The uploaded file's name: a title of last resort (the caller picks `format`, e.g. with `detectFormat`). */
  fileName?: string;
  /** Called with the fraction done (0–1): per page for a PDF, once at the end otherwise. */
  onProgress?: (fraction: number) => void;
};

/** An imported source, ready to be stored. */
export type ImportedSourceText = {
  format: ImportFormat;
  /** The source as read, before normalization: the input for TEXT and MARKDOWN, the Markdown-shaped extraction otherwise. */
  originalText: string;
  /** Normalized text (lib/sources/normalize-text.ts) that annotations anchor into. */
  text: string;
  /** Its `#` headings; none for TEXT. */
  headings: SourceHeading[];
  /** The title to propose: the document's own, else its first heading, else the file name (lib/sources/import/propose-title.ts). */
  title: string | null;
};

/**
 * Turns an uploaded or pasted source into the normalized text annotations anchor into, in the
 * shape the reading view parses (lib/sources/markup.ts): `#` headings, paragraphs separated by
 * blank lines, `- ` and `1. ` list items, `> ` quotes, `[links](https://…)`, `<sup>n</sup>`
 * footnote markers and `**bold**`; and proposes a title for it.
 * Throws `AppError`: PAYLOAD_TOO_LARGE over {@link MAX_SOURCE_BYTES} or {@link MAX_SOURCE_CHARS};
 * BAD_REQUEST for an unsupported format, malformed or password-protected file, or no text.
 */
export async function importSourceText(input: ImportSourceTextInput): Promise<ImportedSourceText> {
  const { format, text, onProgress } = input;
  const bytes = input.bytes?.byteLength ? input.bytes : undefined;
  if (!IMPORT_FORMATS.includes(format)) {
    throw unsupportedFormatError("This kind of file cannot be imported. Upload a .txt, .md, .html, .pdf or .docx file.");
  }
  if (bytes && bytes.byteLength > MAX_SOURCE_BYTES) throw fileTooLargeError(bytes.byteLength);
  if (!bytes && text !== undefined && text.length > MAX_SOURCE_CHARS) throw textTooLongError(text.length);
  if (!bytes && !text?.trim()) {
    throw emptyError(format === "PDF" || format === "DOCX" ? "The file is empty. Upload it again." : "The source contains no text.");
  }

  const { text: originalText, metadataTitles } = await extract({ format, bytes, text, onProgress });
  const normalized = normalizeSourceText(format === "MARKDOWN" ? separateMarkdownHeadings(originalText) : originalText);
  if (!normalized) throw emptyError("The source contains no readable text.");
  if (normalized.length > MAX_SOURCE_CHARS) throw textTooLongError(normalized.length);
  onProgress?.(1);
  return {
    format,
    originalText,
    text: normalized,
    headings: format === "TEXT" ? [] : findHeadings(normalized),
    title: proposeSourceTitle({ format, metadataTitles, markup: normalized, fileName: input.fileName }),
  };
}

async function extract({ format, bytes, text, onProgress }: ImportSourceTextInput): Promise<{ text: string; metadataTitles: string[] }> {
  switch (format) {
    case "TEXT":
    case "MARKDOWN":
      return { text: bytes ? decodeText(bytes) : text!, metadataTitles: [] };
    case "HTML": {
      const html = bytes ? decodeText(bytes, sniffHtmlCharset(bytes)) : text!;
      return { text: htmlToSourceText(html), metadataTitles: [readHtmlTitle(html) ?? ""] };
    }
    case "PDF": {
      if (!bytes) throw emptyError("A PDF must be uploaded as a file.");
      let metadataTitles: string[] = [];
      const pdfText = await pdfToSourceText(bytes, { onProgress, onTitles: (titles) => (metadataTitles = titles) });
      return { text: pdfText, metadataTitles };
    }
    case "DOCX":
      if (!bytes) throw emptyError("A Word document must be uploaded as a file.");
      // After the text: docxToSourceText checks the archive (damage, bombs) before anything is inflated.
      return { text: await docxToSourceText(bytes), metadataTitles: [readDocxTitle(bytes) ?? ""] };
  }
}
