import { parseMarkup } from "@/lib/sources/markup";
import { SOURCE_TITLE_MAX } from "@/lib/sources/limits";
import { findHeadings } from "./headings";
import type { ImportFormat } from "./import-errors";

/** What a source's title can be taken from, best first. */
export type TitleClues = {
  format: ImportFormat;
  /** The document's own titles, best first: PDF XMP dc:title and Info Title, DOCX dc:title, HTML <title>. */
  metadataTitles?: readonly (string | null | undefined)[];
  /** The import's normalized markup: its first `#` heading (none for TEXT). */
  markup?: string;
  /** The uploaded file's name. */
  fileName?: string;
};

// What authoring tools write when the author gave no title: a file name, "Untitled", "Document1"...
const PLACEHOLDER =
  /^(?:untitled(?:[\s-]*\d+)?|sans titre|document\s*\d*|title|titre|microsoft (?:word|powerpoint|excel)\b.*|powerpoint presentation|presentation\s*\d*|slide\s*\d+|.*\.(?:docx?|pdf|rtf|odt|pptx?|indd|qxd|txt|html?|md))$/i;
// Control and invisible characters that PDF metadata and file names carry.
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const EXTENSION = /\.[a-z0-9]{1,8}$/i;

function tidy(raw: string): string {
  return raw.normalize("NFC").replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
}

/** At most SOURCE_TITLE_MAX characters: cut at a word when one ends in the second half, with an ellipsis. */
function cap(title: string): string {
  if (title.length <= SOURCE_TITLE_MAX) return title;
  let cut = title.slice(0, SOURCE_TITLE_MAX - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(" ");
  return `${(space > SOURCE_TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function firstHeading(markup: string): string {
  const heading = findHeadings(markup)[0];
  // The heading as the reader shows it (no bold or link syntax), footnote markers dropped.
  return heading ? parseMarkup(`# ${heading.text.replace(/<sup>.*?<\/sup>/g, "")}`, "MARKDOWN").text : "";
}

function fromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  return base.replace(EXTENSION, "").replace(/[_-]+/g, " ");
}

const isReadable = (title: string) => /[\p{L}\p{N}]/u.test(title);

/**
 * The title to propose for an imported source: the document's own title when it has a real one,
 * else its first heading, else its file name without extension (underscores and hyphens read as
 * spaces); `null` when none of them has a letter or digit. Whitespace is collapsed, and the
 * title is capped at the citation's limit. Pure, so the browser proposes what the server will.
 */
export function proposeSourceTitle({ format, metadataTitles = [], markup, fileName }: TitleClues): string | null {
  for (const raw of metadataTitles) {
    const title = tidy(raw ?? "");
    if (isReadable(title) && !PLACEHOLDER.test(title)) return cap(title);
  }
  const candidates = [format !== "TEXT" && markup ? firstHeading(markup) : "", fileName ? fromFileName(fileName) : ""];
  for (const raw of candidates) {
    const title = tidy(raw);
    if (isReadable(title)) return cap(title);
  }
  return null;
}
