import type { Source } from "@/lib/generated/prisma/client";

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

export function presentSource(source: Source) {
  return { id: source.id, format: source.format, text: source.text, revision: source.revision, ...citation(source) };
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export type PresentedSourceSummary = ReturnType<typeof presentSourceSummary>;
export type PresentedSource = ReturnType<typeof presentSource>;
