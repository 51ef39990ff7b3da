"use client";

import { useEffect, type RefObject } from "react";
import { LINKED_NOTICE_ID } from "./paint";
import { isAlignedMargin } from "./use-margin-layout";
import type { LinkedPassage } from "./use-reader-target";
import type { TextRange } from "./word-range";

/** Scrolls an element to the middle of the screen unless it is already in view. */
function reveal(element: Element | null | undefined) {
  if (!element) return;
  const { top, bottom } = element.getBoundingClientRect();
  if (top < 0 || bottom > window.innerHeight) element.scrollIntoView({ block: "center" });
}

/**
 * Brings into view, once rendered, what the person asked for: an annotation (a link, one just
 * made: its passage scrolled to, its card focused), the passage a link opened (focused, so a
 * screen reader reads it with its notice), the passage being annotated (found by the finder).
 */
export function useReveal({
  textRef,
  marginRef,
  shown,
  linked,
  pending,
}: {
  textRef: RefObject<HTMLElement | null>;
  marginRef: RefObject<HTMLElement | null>;
  shown: { id: string } | null;
  linked: LinkedPassage | null;
  pending: TextRange | null;
}): void {
  useEffect(() => {
    if (!shown) return;
    const mark = textRef.current?.querySelector(`mark[data-annotation-ids~="${CSS.escape(shown.id)}"]`);
    const card = marginRef.current?.querySelector<HTMLElement>(`[data-card="${CSS.escape(shown.id)}"]`);
    // Beside the text the card is next to its passage; in a list, the card is what to read.
    const isAligned = isAlignedMargin();
    card?.focus({ preventScroll: isAligned && Boolean(mark) });
    if (isAligned || !card) reveal(mark);
  }, [shown, textRef, marginRef]);

  useEffect(() => {
    if (!linked) return;
    const passage = textRef.current?.querySelector<HTMLElement>("mark.highlight-linked");
    const target = linked.state === "placed" && passage ? passage : document.getElementById(LINKED_NOTICE_ID);
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: "center" });
  }, [linked, textRef]);

  useEffect(() => {
    if (pending) reveal(textRef.current?.querySelector("mark.highlight-pending"));
  }, [pending, textRef]);
}
