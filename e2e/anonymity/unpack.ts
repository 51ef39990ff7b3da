import { readZipDirectory, readZipEntry } from "../../lib/sources/import/zip-directory";
import { pdfToSourceText } from "../../lib/sources/import/pdf-to-text";

/**
 * What a binary export holds, as text the scan can search: every file inside a .docx (a ZIP
 * archive: document, metadata, relationships), and a PDF's raw bytes (metadata is plain there)
 * plus the text of its compressed pages.
 */
export async function readableTextOf(format: string, bytes: Uint8Array): Promise<string> {
  if (format === "docx") {
    const entries = readZipDirectory(bytes) ?? [];
    if (!entries.length) throw new Error("the .docx is not a readable ZIP archive");
    return entries.map((entry) => `${entry.name}\n${Buffer.from(readZipEntry(bytes, entry) ?? []).toString("utf8")}`).join("\n");
  }
  if (format === "pdf") return `${Buffer.from(bytes).toString("latin1")}\n${await pdfToSourceText(Uint8Array.from(bytes))}`;
  return Buffer.from(bytes).toString("utf8");
}
