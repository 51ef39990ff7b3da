"use client";

import { memo, useMemo, useRef, type MouseEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { InlineMark, SourceBlock } from "@/lib/sources/markup";
import { segmentBlock, type Segment } from "./segments";
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

const LINK_NOTE_ID = "reader-link-note";

function wrap(children: ReactNode, kinds: Segment["marks"]): ReactNode {
  return kinds.reduce<ReactNode>((inner, kind) => (kind === "sup" ? <sup>{inner}</sup> : <strong>{inner}</strong>), children);
}

/** Pixels the pointer may move between press and release for a click on a link to follow it. */
const CLICK_SLOP = 4;

interface LinkHandlers {
  onMouseDown: (event: MouseEvent<HTMLAnchorElement>) => void;
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/** What every piece of the text needs to know to paint itself. */
interface PaintContext {
  activeId: string | null;
  byId: ReadonlyMap<string, PaintedHighlight>;
  isLinkedShown: boolean;
}

/** One element per piece (a span, or a mark when highlighted), carrying its offset in the text. */
function renderPiece(text: string, segment: Segment, { activeId, byId, isLinkedShown }: PaintContext): ReactNode {
  // With a thousand highlights the page holds thousands of pieces, and each extra wrapper costs
  // parsing, layout and hydration: no wrapper beyond the marks a piece needs.
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
  const isLinked = isLinkedShown && segment.highlightIds.includes(LINKED_ID);
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
}

/** A block's pieces; the pieces of one link sit inside one anchor, so it is one link to assistive technology. */
function renderPieces(text: string, segments: Segment[], paint: PaintContext, linkHandlers: LinkHandlers): ReactNode[] {
  const pieces: ReactNode[] = [];
  for (let index = 0; index < segments.length; ) {
    const link = segments[index]!.link;
    let next = index + 1;
    while (link && next < segments.length && segments[next]!.link === link) next += 1;
    const inner = segments.slice(index, next).map((segment) => renderPiece(text, segment, paint));
    pieces.push(
      link ? (
        // Not draggable: a drag that starts on a link selects text, as everywhere else in the reader.
        <a key={`link-${link.start}`} href={link.href} target="_blank" rel="noopener noreferrer nofollow" draggable={false} aria-describedby={LINK_NOTE_ID} {...linkHandlers}>
          {inner}
        </a>
      ) : (
        inner
      ),
    );
    index = next;
  }
  return pieces;
}

function renderBlock(block: SourceBlock, index: number, pieces: ReactNode[]): ReactNode {
  const id = `p${index + 1}`;
  if (block.kind === "heading") {
    const Heading = `h${Math.min(6, block.level + 1)}` as "h2";
    return (
      <Heading key={id} id={id}>
        {pieces}
      </Heading>
    );
  }
  if (block.kind === "item") {
    return (
      <li key={id} id={id}>
        {pieces}
      </li>
    );
  }
  return (
    <p key={id} id={id}>
      {pieces}
    </p>
  );
}

/**
 * The source's text, cut into pieces that carry their offset (data-start) for selections.
 * Consecutive list items of one group render as one <ul>/<ol>, quote paragraphs as one <blockquote>.
 */
export const ReaderText = memo(function ReaderText({ text, blocks, marks, highlights, activeId, pending, linked }: ReaderTextProps) {
  const t = useTranslations("reader");
  const byId = useMemo(() => new Map(highlights.map((highlight) => [highlight.id, highlight])), [highlights]);
  const press = useRef<{ x: number; y: number } | null>(null);
  // A drag that selects words of a link ends with a click on it: the person was selecting a
  // passage to annotate, not following the link. By then the selection may already be gone
  // (the pending highlight re-renders the pieces on mouse-up), so the pointer's travel decides.
  const linkHandlers: LinkHandlers = {
    onMouseDown: (event) => {
      press.current = { x: event.clientX, y: event.clientY };
    },
    onClick: (event) => {
      const start = press.current;
      press.current = null;
      if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > CLICK_SLOP) event.preventDefault();
    },
  };
  const all = [
    ...highlights,
    ...(pending ? [{ id: PENDING_ID, start: pending.start, end: pending.end }] : []),
    ...(linked ? [{ id: LINKED_ID, start: linked.start, end: linked.end }] : []),
  ];
  const paint: PaintContext = { activeId, byId, isLinkedShown: linked !== null };
  const rendered = blocks.map((block, index) => renderBlock(block, index, renderPieces(text, segmentBlock(block, marks, all), paint, linkHandlers)));
  const out: ReactNode[] = [];
  for (let index = 0; index < blocks.length; ) {
    const block = blocks[index]!;
    if (block.kind !== "item" && block.kind !== "quote") {
      out.push(rendered[index]);
      index += 1;
      continue;
    }
    let next = index + 1;
    while (next < blocks.length && blocks[next]!.kind === block.kind && (blocks[next] as typeof block).group === block.group) next += 1;
    const children = rendered.slice(index, next);
    const key = `group-${index}`;
    if (block.kind === "quote") out.push(<blockquote key={key}>{children}</blockquote>);
    else if (block.ordered) out.push(<ol key={key} start={block.number === 1 ? undefined : block.number}>{children}</ol>);
    else out.push(<ul key={key}>{children}</ul>);
    index = next;
  }
  if (marks.some((mark) => mark.kind === "link")) {
    out.push(
      <span key="link-note" id={LINK_NOTE_ID} hidden>
        {t("linkOpensInNewTab")}
      </span>,
    );
  }
  return out;
});
