import { parseMarkup } from "@/lib/sources/markup";
import { citationRange, intensityLevel } from "./buckets";
import type { CitedPassage, Review, SourceCoverage } from "./schemas";

/** How often one passage was taken up, counting only what the viewer can see. */
export interface PassageUse {
  passageId: string;
  sourceId: string;
  /** Null when the passage no longer stands in its source's text (it counts for most-cited only). */
  start: number | null;
  end: number | null;
  exact: string;
  annotations: number;
  evidence: number;
  footnotes: number;
}

export interface CoverageSource {
  id: string;
  title: string;
  /** What a reader sees: the blocks' offsets point into it. */
  text: string;
  /** The source's blocks (paragraphs, headings, items, quotes) in reading order. */
  blocks: readonly { start: number; end: number }[];
}

const MOST_CITED = 10;

/** A stored source as the reader shows it (its markup, or its text when it has none, as lib/sources/present.ts reads it). */
export function coverageSourceOf(source: { id: string; title: string; markup: string; text: string; format: string }): CoverageSource {
  const { text, blocks } = parseMarkup(source.markup || source.text, source.format);
  return { id: source.id, title: source.title, text, blocks };
}

const total = (use: PassageUse) => use.annotations + use.evidence + use.footnotes;

/** The first block whose end is past `offset` (blocks are in order and do not overlap). */
function firstBlockAfter(blocks: readonly { start: number; end: number }[], offset: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function coverSource(source: CoverageSource, uses: readonly PassageUse[]): SourceCoverage {
  const counts = source.blocks.map(() => ({ total: 0, annotations: false, evidence: false, footnotes: false }));
  for (const use of uses) {
    if (use.start === null || use.end === null || total(use) === 0) continue;
    for (let index = firstBlockAfter(source.blocks, use.start); index < source.blocks.length && source.blocks[index]!.start < use.end; index += 1) {
      const count = counts[index]!;
      count.total += total(use);
      count.annotations ||= use.annotations > 0;
      count.evidence ||= use.evidence > 0;
      count.footnotes ||= use.footnotes > 0;
    }
  }
  const busiest = Math.max(0, ...counts.map((count) => count.total));
  return {
    id: source.id,
    title: source.title,
    paragraphs: source.blocks.map((block, index) => {
      const { total: count, ...kinds } = counts[index]!;
      return { start: block.start, end: block.end, text: source.text.slice(block.start, block.end), level: intensityLevel(count, busiest), kinds };
    }),
  };
}

/**
 * Source coverage and the most-cited passages, from each passage's use. Counts become levels
 * (per paragraph, relative to the source's busiest) and ranges (per passage): never an exact
 * figure (./buckets.ts).
 */
export function summarizeCoverage(
  sources: readonly CoverageSource[],
  uses: readonly PassageUse[],
  themeId: string | null,
): Pick<Review, "mostCited" | "coverage"> {
  const bySource = new Map<string, PassageUse[]>();
  for (const use of uses) {
    const list = bySource.get(use.sourceId);
    if (list) list.push(use);
    else bySource.set(use.sourceId, [use]);
  }
  const position = new Map(sources.map((source, index) => [source.id, index]));
  const titles = new Map(sources.map((source) => [source.id, source.title]));
  const mostCited: CitedPassage[] = uses
    .filter((use) => total(use) > 0 && titles.has(use.sourceId))
    .sort(
      (a, b) =>
        total(b) - total(a) ||
        position.get(a.sourceId)! - position.get(b.sourceId)! ||
        (a.start ?? Infinity) - (b.start ?? Infinity) ||
        a.passageId.localeCompare(b.passageId),
    )
    .slice(0, MOST_CITED)
    .map((use) => ({
      passageId: use.passageId,
      sourceId: use.sourceId,
      sourceTitle: titles.get(use.sourceId)!,
      quote: use.exact,
      cited: citationRange(total(use))!,
      kinds: { annotations: use.annotations > 0, evidence: use.evidence > 0, footnotes: use.footnotes > 0 },
    }));
  return {
    mostCited,
    coverage: { themeId, sources: sources.map((source) => coverSource(source, bySource.get(source.id) ?? [])) },
  };
}
