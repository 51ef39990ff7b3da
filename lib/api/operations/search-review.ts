import { ok, operation } from "../operation";
import { ZSearchQuery, ZSearchResponse } from "@/lib/search/schemas";
import { ZReview, ZReviewQuery } from "@/lib/review/schemas";

export const SEARCH_AND_REVIEW_OPERATIONS = [
  operation("GET", "/api/workshops/{workshopId}/search", {
    tag: "Search and review",
    summary: "Search the workshop's sources, annotations, replies, lessons and note",
    description:
      "q is read as a web search (quotes, OR, -word) in English and French stemming alike; kind, themeId and sourceId narrow it. " +
      "Snippets come as segments, the matched ones marked. Hidden items only where the pages show them.",
    access: "Members.",
    query: ZSearchQuery,
    success: ok(ZSearchResponse),
  }),
  operation("GET", "/api/workshops/{workshopId}/review", {
    tag: "Search and review",
    summary: "The workshop's review: consensus per theme, evidence strength, most-cited passages, source coverage",
    description: "Figures follow the small-numbers rule: classes and phrases, ranges and levels, never a count that singles someone out. themeId narrows the coverage to one theme.",
    access: "Members.",
    query: ZReviewQuery,
    success: ok(ZReview),
  }),
];
