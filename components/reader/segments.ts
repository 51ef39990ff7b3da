import type { InlineMark, SourceBlock } from "@/lib/sources/markup";

export interface Highlight {
  id: string;
  start: number;
  end: number;
}

type LinkMark = Extract<InlineMark, { kind: "link" }>;

export interface Segment {
  start: number;
  end: number;
  /** Bold and superscript around this piece. */
  marks: Exclude<InlineMark["kind"], "link">[];
  /** The link this piece belongs to: consecutive pieces of one link render inside one anchor. */
  link: LinkMark | null;
  /** Ids of the highlights covering this piece; overlapping highlights stack. */
  highlightIds: string[];
}

/**
 * Cuts one block into pieces at every mark and highlight boundary, so that each piece renders
 * with the marks and highlights that cover all of it.
 */
export function segmentBlock(block: SourceBlock, marks: readonly InlineMark[], highlights: readonly Highlight[]): Segment[] {
  const inBlock = <T extends { start: number; end: number }>(items: readonly T[]) =>
    items.filter((item) => item.start < block.end && item.end > block.start);
  const blockMarks = inBlock(marks);
  const blockHighlights = inBlock(highlights);
  const cuts = new Set([block.start, block.end]);
  for (const item of [...blockMarks, ...blockHighlights]) {
    cuts.add(Math.max(block.start, item.start));
    cuts.add(Math.min(block.end, item.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covers = (item: { start: number; end: number }) => item.start <= start && item.end >= end;
    segments.push({
      start,
      end,
      marks: blockMarks.filter(covers).flatMap((mark) => (mark.kind === "link" ? [] : [mark.kind])),
      link: blockMarks.find((mark): mark is LinkMark => mark.kind === "link" && covers(mark)) ?? null,
      highlightIds: blockHighlights.filter(covers).map((highlight) => highlight.id),
    });
  }
  return segments;
}

/** The text offset of a DOM position inside the reader, from the pieces' data-start. */
export function offsetOfDomPosition(node: Node, offsetInNode: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const piece = element?.closest<HTMLElement>("[data-start]");
  if (!piece) return null;
  const start = Number(piece.dataset.start);
  return node.nodeType === Node.TEXT_NODE ? start + offsetInNode : start;
}
