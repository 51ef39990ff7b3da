import type { Source } from "@/lib/generated/prisma/client";
import { parseMarkup } from "./markup";

/** Citation data, shared by lists and the reading view. */
function citation(source: Source) {
  return {
    title: source.title,
    authors: source.authors,
    publisher: source.publisher,
    publishedOn: source.publishedOn,
    url: source.url,
    shortCitation: source.shortCitation,
  };
}

export function presentSourceSummary(source: Source) {
  return { id: source.id, format: source.format, wordCount: countWords(source.text), ...citation(source) };
}

/** The reading view's source: its text (what annotations anchor into) with blocks and marks. */
export function presentSource(source: Source) {
  const { text, blocks, marks } = parseMarkup(source.markup || source.text, source.format);
  return { id: source.id, format: source.format, text, blocks, marks, revision: source.revision, ...citation(source) };
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export type PresentedSourceSummary = ReturnType<typeof presentSourceSummary>;
export type PresentedSource = ReturnType<typeof presentSource>;
