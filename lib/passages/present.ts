import type { Passage } from "@/lib/generated/prisma/client";

/**
 * A passage as anyone sees it inside its source (the reader, annotation cards): where it is
 * and what it quotes. A passage carries no trace of who picked it.
 */
export function presentPassage(passage: Passage) {
  return {
    id: passage.id,
    sourceId: passage.sourceId,
    quote: { exact: passage.exact, prefix: passage.prefix, suffix: passage.suffix },
    start: passage.start,
    end: passage.end,
    state: passage.state,
    isOrphan: passage.state === "ORPHANED",
  };
}

/** What a citation needs of the source: its title and short citation. */
export interface CitedSource {
  id: string;
  workshopId: string;
  title: string;
  shortCitation: string;
}

/**
 * A passage cited outside its source (evidence chips, footnotes, links): the quote with the
 * source's title and short citation, and the address that opens the reader scrolled to it.
 */
export function presentCitedPassage(passage: Passage, source: CitedSource) {
  return {
    ...presentPassage(passage),
    source: { id: source.id, title: source.title, shortCitation: source.shortCitation },
    href: passageHref(source.workshopId, source.id, passage.id),
  };
}

/** The reader, opened at a passage (scrolled to it and highlighted). */
export function passageHref(workshopId: string, sourceId: string, passageId: string): string {
  return `/workshops/${workshopId}/sources/${sourceId}#passage-${passageId}`;
}

export type PresentedPassage = ReturnType<typeof presentPassage>;
export type PresentedCitedPassage = ReturnType<typeof presentCitedPassage>;
