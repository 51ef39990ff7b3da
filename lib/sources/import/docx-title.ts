import { Parser } from "htmlparser2";
import { readZipDirectory, readZipEntry } from "./zip-directory";

// Core properties are a few hundred bytes; anything larger is not worth reading for a title.
const MAX_CORE_BYTES = 256 * 1024;

/**
 * The title in a .docx document's core properties (`docProps/core.xml`, `dc:title`), or null
 * when it has none or they cannot be read. Reads that one small part, nothing else.
 */
export function readDocxTitle(bytes: Uint8Array): string | null {
  const entry = readZipDirectory(bytes)?.find((candidate) => candidate.name === "docProps/core.xml");
  if (!entry || entry.uncompressedSize > MAX_CORE_BYTES) return null;
  const data = readZipEntry(bytes, entry);
  if (!data) return null;
  let title: string | null = null;
  let isInTitle = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "dc:title" && title === null) {
          isInTitle = true;
          title = "";
        }
      },
      ontext(text) {
        if (isInTitle) title += text;
      },
      onclosetag(name) {
        if (name === "dc:title") isInTitle = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(new TextDecoder().decode(data));
  return title;
}
