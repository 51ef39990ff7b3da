"use client";

import { decodeText, sniffHtmlCharset } from "@/lib/sources/import/decode-text";
import { detectFormat } from "@/lib/sources/import/detect-format";
import { MAX_SOURCE_BYTES } from "@/lib/sources/import/import-errors";
import { proposeSourceTitle } from "@/lib/sources/import/propose-title";
import { proposeTitleFromText } from "@/lib/sources/import/propose-title-from-text";

/** A title the form fills in; `isProvisional` when the server may find a better one in the document (PDF, Word). */
export interface TitleProposal {
  title: string;
  isProvisional: boolean;
}

/** Pasted text is looked at up to here for its first heading: enough for any title, and cheap per keystroke. */
const PASTE_SCAN_CHARS = 100_000;

/** The title proposed for pasted text (its first heading), or null. */
export function proposePastedTitle(format: string, text: string): TitleProposal | null {
  if (format !== "MARKDOWN" && format !== "HTML") return null;
  const title = proposeTitleFromText({ format, text: text.slice(0, PASTE_SCAN_CHARS) });
  return title ? { title, isProvisional: false } : null;
}

/**
 * The title proposed for a chosen file: for text, Markdown and HTML, read here as the server
 * will (its <title>, first heading or file name); for PDF and Word, the file name, which the
 * server replaces with the document's own title or first heading when there is one.
 */
export async function proposeFileTitle(file: File): Promise<TitleProposal | null> {
  const format = detectFormat(file.name, file.type);
  if ((format === "MARKDOWN" || format === "HTML") && file.size <= MAX_SOURCE_BYTES) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const title = proposeTitleFromText({ format, text: decodeText(bytes, format === "HTML" ? sniffHtmlCharset(bytes) : undefined), fileName: file.name });
      return title ? { title, isProvisional: false } : null;
    } catch {
      // Unreadable here means unreadable there: the server says why when the form is sent.
    }
  }
  const title = proposeSourceTitle({ format: format ?? "TEXT", fileName: file.name });
  return title ? { title, isProvisional: format === "PDF" || format === "DOCX" } : null;
}
