import type { ImportFormat } from "./import-errors";

const BY_EXTENSION: Record<string, ImportFormat> = {
  txt: "TEXT",
  text: "TEXT",
  md: "MARKDOWN",
  markdown: "MARKDOWN",
  mdown: "MARKDOWN",
  mkd: "MARKDOWN",
  html: "HTML",
  htm: "HTML",
  xhtml: "HTML",
  pdf: "PDF",
  docx: "DOCX",
};

const BY_MIME_TYPE: Record<string, ImportFormat> = {
  "text/plain": "TEXT",
  "text/markdown": "MARKDOWN",
  "text/x-markdown": "MARKDOWN",
  "text/html": "HTML",
  "application/xhtml+xml": "HTML",
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
};

/**
 * The import format of an uploaded file, from its extension first (browsers often send an
 * empty or generic MIME type), then its MIME type; `null` when neither is one we read
 * (for example a legacy `.doc`).
 */
export function detectFormat(fileName: string, mimeType?: string): ImportFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  const byExtension = extension ? BY_EXTENSION[extension] : undefined;
  if (byExtension) return byExtension;
  const essence = mimeType?.split(";")[0]?.trim().toLowerCase();
  return (essence && BY_MIME_TYPE[essence]) || null;
}
