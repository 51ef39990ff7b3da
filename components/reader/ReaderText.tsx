"use client";

import { memo, type ReactNode } from "react";
import type { InlineMark, SourceBlock } from "@/lib/sources/markup";
import { segmentBlock, type Highlight } from "./segments";

interface ReaderTextProps {
  text: string;
  blocks: SourceBlock[];
  marks: InlineMark[];
  highlights: Highlight[];
  activeId: string | null;
  pending: { start: number; end: number } | null;
}

function wrap(children: ReactNode, kinds: InlineMark["kind"][]): ReactNode {
  return kinds.reduce<ReactNode>((inner, kind) => (kind === "sup" ? <sup>{inner}</sup> : <strong>{inner}</strong>), children);
}

/** The source's text, cut into pieces that carry their offset (data-start) for selections. */
export const ReaderText = memo(function ReaderText({ text, blocks, marks, highlights, activeId, pending }: ReaderTextProps) {
  const all = pending ? [...highlights, { id: "pending", ...pending }] : highlights;
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
      const isActive = activeId !== null && segment.highlightIds.includes(activeId);
      const isPending = segment.highlightIds.includes("pending");
      return (
        <mark
          key={segment.start}
          data-start={segment.start}
          className={`highlight${segment.highlightIds.length > 1 ? " highlight-overlap" : ""}${isActive ? " highlight-active" : ""}${isPending ? " highlight-pending" : ""}`}
          data-annotation-ids={segment.highlightIds.join(" ")}
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
