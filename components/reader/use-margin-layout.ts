"use client";

import { useEffect, useLayoutEffect, useRef, useSyncExternalStore, type RefObject } from "react";
import { layoutCards } from "./card-layout";
import { PENDING_ID } from "./paint";

/**
 * From this width the margin's cards sit beside their passages; below it they are a list
 * after the text. The same width as the `.reader-with-margin` media queries in globals.css.
 */
export const ALIGNED_MARGIN_QUERY = "(min-width: 68.75rem)";

/** Space between two cards, px. */
const CARD_GAP = 8;

function subscribeToWidth(onChange: () => void) {
  const query = window.matchMedia(ALIGNED_MARGIN_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether the screen is wide enough for cards beside the text. The server cannot know: it
 * renders the list, and the browser places the cards once it has hydrated.
 */
export function useIsAlignedMargin(): boolean {
  return useSyncExternalStore(subscribeToWidth, () => window.matchMedia(ALIGNED_MARGIN_QUERY).matches, () => false);
}

/** The top of the first highlighted piece of an item's passage, in the text. */
function anchorElement(text: HTMLElement, anchor: string): Element | null {
  if (anchor === PENDING_ID) return text.querySelector("mark.highlight-pending");
  return text.querySelector(`mark[data-annotation-ids~="${CSS.escape(anchor)}"]`);
}

/**
 * Places the margin's items (elements with `data-anchor`: an annotation id, or "pending" for
 * the new annotation) beside their passages, as `layoutCards` computes, by setting their
 * transform directly: moving cards must not re-render them. Cards that make room for a
 * selected one above where cards start slide under the margin's tools (`.margin-head`). Runs after every render and again
 * whenever the text, the margin's tools or any item changes size (fonts, window, a reply
 * added). The item whose anchor is `focusAnchor` sits exactly beside its passage. The element
 * with `data-cards-start` marks where the cards may begin and is given their height.
 */
export function useMarginLayout({
  isAligned,
  textRef,
  marginRef,
  focusAnchor,
  onCoveredFocus,
}: {
  isAligned: boolean;
  textRef: RefObject<HTMLElement | null>;
  marginRef: RefObject<HTMLElement | null>;
  focusAnchor: string | null;
  /** The keyboard reached a card slid under the margin's tools: the reader should select it. */
  onCoveredFocus: (anchor: string) => void;
}): void {
  const frame = useRef(0);
  const layoutRef = useRef<() => void>(() => {});
  const coveredFocusRef = useRef(onCoveredFocus);

  useLayoutEffect(() => {
    coveredFocusRef.current = onCoveredFocus;
    layoutRef.current = () => {
      const text = textRef.current;
      const margin = marginRef.current;
      if (!text || !margin) return;
      const items = [...margin.querySelectorAll<HTMLElement>("[data-anchor]")];
      const start = margin.querySelector<HTMLElement>("[data-cards-start]");
      if (!isAligned) {
        for (const item of items) item.style.removeProperty("transform");
        start?.style.removeProperty("height");
        return;
      }
      const marginTop = margin.getBoundingClientRect().top;
      const floor = start ? start.getBoundingClientRect().top - marginTop : 0;
      let previous = floor;
      const measured = items.map((element, order) => {
        const mark = anchorElement(text, element.dataset.anchor!);
        // A passage not in the text (filtered a moment ago) keeps its card after the previous one.
        const anchor = mark ? mark.getBoundingClientRect().top - marginTop : previous;
        previous = anchor;
        return { element, order, anchor, height: element.getBoundingClientRect().height };
      });
      // The new annotation's panel comes first in the page's order but goes where its passage is.
      measured.sort((a, b) => a.anchor - b.anchor || a.order - b.order);
      const focusIndex = measured.findIndex((item) => item.element.dataset.anchor === focusAnchor);
      const tops = layoutCards(measured, { gap: CARD_GAP, top: floor, focusIndex });
      let bottom = floor;
      measured.forEach((item, index) => {
        item.element.style.transform = `translateY(${Math.round(tops[index]!)}px)`;
        bottom = Math.max(bottom, tops[index]! + item.height);
      });
      if (start) start.style.height = `${Math.ceil(bottom - floor)}px`;
      // Cards glide when they make room, but a card appearing is put in place at once.
      requestAnimationFrame(() => {
        for (const item of measured) item.element.dataset.placed = "";
      });
    };
    layoutRef.current();
  });

  useEffect(() => {
    const text = textRef.current;
    const margin = marginRef.current;
    if (!isAligned || !text || !margin || typeof ResizeObserver === "undefined") return;
    const schedule = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => layoutRef.current());
    };
    const resizes = new ResizeObserver(schedule);
    resizes.observe(text);
    for (const child of margin.children) resizes.observe(child);
    for (const item of margin.querySelectorAll("[data-anchor]")) resizes.observe(item);
    // Items come and go (more cards, a card deleted, the new annotation's panel).
    const changes = new MutationObserver(() => {
      for (const item of margin.querySelectorAll("[data-anchor]")) resizes.observe(item);
      schedule();
    });
    changes.observe(margin, { childList: true, subtree: true });
    // A card above where cards start is under the tools: reaching it by keyboard brings it out.
    function handleFocusIn(event: FocusEvent) {
      const item = (event.target as Element).closest<HTMLElement>("[data-anchor]");
      const start = margin!.querySelector("[data-cards-start]");
      if (item && start && item.getBoundingClientRect().top < start.getBoundingClientRect().top) coveredFocusRef.current(item.dataset.anchor!);
    }
    margin.addEventListener("focusin", handleFocusIn);
    return () => {
      cancelAnimationFrame(frame.current);
      resizes.disconnect();
      changes.disconnect();
      margin.removeEventListener("focusin", handleFocusIn);
    };
  }, [isAligned, textRef, marginRef]);
}
