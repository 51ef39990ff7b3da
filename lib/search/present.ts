import type { Audience } from "@/lib/annotations/audience";
import type { SearchGroup, SearchKind, SearchResult, SnippetSegment } from "./schemas";
import type { SearchRow } from "./search-sql";
import { segmentsOf, type SnippetMarkers } from "./snippet";

function plain(text: string | null): SnippetSegment[] {
  return text ? [{ text, marked: false }] : [];
}

function hrefOf(kind: SearchKind, row: SearchRow, workshopId: string): string {
  const base = `/workshops/${workshopId}`;
  switch (kind) {
    case "source":
      return `${base}/sources/${row.sourceId}#p${(row.position ?? 0) + 1}`;
    case "annotation":
    case "reply":
      return `${base}/sources/${row.sourceId}#annotation-${row.annotationId}`;
    case "lesson":
      return `${base}/lessons#lesson-${row.id}`;
    case "note":
      return `${base}/note`;
  }
}

/**
 * One search result as it leaves the server: what matched, where it lives, and whether it is the
 * viewer's own (never whose it is otherwise). No times: search order is by relevance only.
 */
export function presentSearchResult(kind: SearchKind, row: SearchRow, audience: Audience, markers: SnippetMarkers, workshopId: string): SearchResult {
  const owned = kind === "annotation" || kind === "reply" || kind === "lesson";
  return {
    kind,
    id: row.id,
    href: hrefOf(kind, row, workshopId),
    title: row.titleHeadline !== null ? segmentsOf(row.titleHeadline, markers) : plain(row.label),
    snippet: row.snippetHeadline !== null ? segmentsOf(row.snippetHeadline, markers) : [],
    mine: owned ? audience.ownership.owns({ kind, id: row.id }, row.ownerTag) : false,
    isHidden: row.hiddenAt !== null,
  };
}

export function presentSearchGroup(kind: SearchKind, rows: SearchRow[], limit: number, present: (row: SearchRow) => SearchResult): SearchGroup {
  return { kind, results: rows.slice(0, limit).map(present), hasMore: rows.length > limit };
}
