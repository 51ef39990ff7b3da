import { inflateRawSync } from "node:zlib";
import { readZipDirectory } from "../../lib/sources/import/zip-directory";
import { pdfToSourceText } from "../../lib/sources/import/pdf-to-text";

/**
 * What a binary export holds, as text the scan can search: every file inside a .docx (a ZIP
 * archive: document, metadata, relationships), and a PDF's raw bytes (metadata is plain there)
 * plus the text of its compressed pages.
 */
export async function readableTextOf(format: string, bytes: Uint8Array): Promise<string> {
  if (format === "docx") {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries = readZipDirectory(bytes) ?? [];
    if (!entries.length) throw new Error("the .docx is not a readable ZIP archive");
    return entries
      .map((entry) => {
        const offset = entry.localHeaderOffset;
        const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
        const data = bytes.subarray(start, start + entry.compressedSize);
        return `${entry.name}\n${(entry.method === 8 ? inflateRawSync(data) : Buffer.from(data)).toString("utf8")}`;
      })
      .join("\n");
  }
  if (format === "pdf") return `${Buffer.from(bytes).toString("latin1")}\n${await pdfToSourceText(Uint8Array.from(bytes))}`;
  return Buffer.from(bytes).toString("utf8");
}
