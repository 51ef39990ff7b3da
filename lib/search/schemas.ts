import { z } from "zod";
import { ZId } from "@/lib/validation";

/** What a search can look through; one of them, or all when none is asked for. */
export const SEARCH_KINDS = ["source", "annotation", "reply", "lesson", "note"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const MAX_SEARCH_QUERY_LENGTH = 200;

/** Query of GET /api/workshops/:id/search and of the search page (empty filters mean "any"). */
export const ZSearchQuery = z.object({
  q: z.string({ error: "searchQueryEmpty" }).trim().min(1, "searchQueryEmpty").max(MAX_SEARCH_QUERY_LENGTH, "searchQueryTooLong"),
  kind: z.enum(SEARCH_KINDS, { error: "searchKindUnknown" }).optional(),
  themeId: ZId.optional(),
  sourceId: ZId.optional(),
});
export type SearchQuery = z.infer<typeof ZSearchQuery>;

/** Part of a snippet: the words that matched are `marked`. Rendered as text, never as HTML. */
export const ZSnippetSegment = z.object({ text: z.string(), marked: z.boolean() });
export type SnippetSegment = z.infer<typeof ZSnippetSegment>;

export const ZSearchResult = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  /** Where it lives: the reader's paragraph or annotation, the lesson on the board, the note. */
  href: z.string(),
  /** A lesson's statement, a source's title: what the result is called. */
  title: z.array(ZSnippetSegment),
  snippet: z.array(ZSnippetSegment),
  /** Whether the viewer wrote it (never who else did). */
  mine: z.boolean(),
  /** Hidden by the organizers (shown only to them and to its author). */
  isHidden: z.boolean(),
});
export type SearchResult = z.infer<typeof ZSearchResult>;

export const ZSearchGroup = z.object({ kind: z.enum(SEARCH_KINDS), results: z.array(ZSearchResult), hasMore: z.boolean() });
export type SearchGroup = z.infer<typeof ZSearchGroup>;

/** Answer of GET /api/workshops/:id/search. */
export const ZSearchResponse = z.object({
  query: ZSearchQuery,
  groups: z.array(ZSearchGroup),
});
export type SearchResponse = z.infer<typeof ZSearchResponse>;
