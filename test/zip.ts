import { readZipDirectory, readZipEntry } from "@/lib/sources/import/zip-directory";

/** One file of a ZIP archive (a .docx, for instance), as UTF-8 text. */
export function fileInZip(bytes: Uint8Array, name: string): string {
  const entry = readZipDirectory(bytes)?.find((candidate) => candidate.name === name);
  const data = entry && readZipEntry(bytes, entry);
  if (!data) throw new Error(`${name} is not readable in the archive`);
  return Buffer.from(data).toString("utf8");
}
