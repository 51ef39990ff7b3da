import type { Locale } from "@/i18n/config";
import type { Source } from "@/lib/generated/prisma/client";

export type CitableSource = Pick<Source, "title" | "authors" | "publisher" | "publishedOn" | "url">;

function joinAuthors(authors: readonly string[], locale: Locale): string {
  const names = authors.map((name) => name.trim()).filter(Boolean);
  if (names.length <= 1) return names[0] ?? "";
  const and = locale === "fr" ? " et " : " and ";
  return `${names.slice(0, -1).join(", ")}${and}${names.at(-1)}`;
}

/**
 * A source's bibliographic citation, as the note's footnotes give it, in the register of the
 * corpus note: `Jane Doe and John Roe, "Title" (Publisher, July 2024), https://…`. Only the
 * source's own record (its authors are the publication's, never a workshop member's).
 */
export function formatSourceCitation(source: CitableSource, locale: Locale): string {
  const title = locale === "fr" ? `« ${source.title.trim()} »` : `“${source.title.trim()}”`;
  const imprint = [source.publisher.trim(), source.publishedOn.trim()].filter(Boolean).join(", ");
  const parts = [joinAuthors(source.authors, locale), imprint ? `${title} (${imprint})` : title, source.url.trim()].filter(Boolean);
  return `${parts.join(", ")}.`;
}
