"use client";

import { memo, useMemo, type ReactNode } from "react";
import type { InlineMark, SourceBlock } from "@/lib/sources/markup";
import { segmentBlock } from "./segments";
import { LINKED_ID, LINKED_NOTICE_ID, PENDING_ID, segmentClass, type PaintedHighlight } from "./paint";

interface ReaderTextProps {
  text: string;
  blocks: SourceBlock[];
  marks: InlineMark[];
  highlights: PaintedHighlight[];
  activeId: string | null;
  pending: { start: number; end: number } | null;
  /** The passage a `#passage-` link opened: its pieces can take the focus, described by the notice. */
  linked: { start: number; end: number } | null;
}

function wrap(children: ReactNode, kinds: InlineMark["kind"][]): ReactNode {
  return kinds.reduce<ReactNode>((inner, kind) => (kind === "sup" ? <sup>{inner}</sup> : <strong>{inner}</strong>), children);
}

/** The source's text, cut into pieces that carry their offset (data-start) for selections. */
export const ReaderText = memo(function ReaderText({ text, blocks, marks, highlights, activeId, pending, linked }: ReaderTextProps) {
  const byId = useMemo(() => new Map(highlights.map((highlight) => [highlight.id, highlight])), [highlights]);
  const all = [
    ...highlights,
    ...(pending ? [{ id: PENDING_ID, start: pending.start, end: pending.end }] : []),
    ...(linked ? [{ id: LINKED_ID, start: linked.start, end: linked.end }] : []),
  ];
  return blocks.map((block, index) => {
    // One element per piece (a span, or a mark when highlighted): with a thousand highlights
    // the page holds thousands of pieces, and each extra wrapper costs parsing, layout and hydration.
    const pieces = segmentBlock(block, marks, all).map((segment) => {
      const content = wrap(text.slice(segment.start, segment.end), segment.marks);
      if (segment.highlightIds.length === 0) {
        return (
          <span key={segment.start} data-start={segment.start}>
            {content}
          </span>
        );
      }
      // Colours come from classes (one per palette colour and stripe, see paint.ts): a piece's
      // class is a short string, cached per colour set, so a thousand highlights stay cheap.
      const annotationIds = segment.highlightIds.filter((id) => byId.has(id));
      const isLinked = linked !== null && segment.highlightIds.includes(LINKED_ID);
      return (
        <mark
          key={segment.start}
          data-start={segment.start}
          className={segmentClass(segment.highlightIds, byId, { activeId })}
          data-annotation-ids={annotationIds.length > 0 ? annotationIds.join(" ") : undefined}
          {...(isLinked ? { tabIndex: -1, "aria-describedby": LINKED_NOTICE_ID } : {})}
        >
          {content}
        </mark>
      );
    });
    const id = `p${index + 1}`;
    if (block.kind === "heading") {
      const Heading = `h${Math.min(6, block.level + 1)}` as "h2";
      return (
        <Heading key={id} id={id}>
          {pieces}
        </Heading>
      );
    }
    return (
      <p key={id} id={id}>
        {pieces}
      </p>
    );
  });
});
