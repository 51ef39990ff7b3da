"use client";

import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { layoutCards } from "./card-layout";

/**
 * From this width the margin's cards sit beside their passages; below it they are a list
 * after the text. The same width as the `.reader-with-margin` media queries in globals.css.
 */
export const ALIGNED_MARGIN_QUERY = "(min-width: 68.75rem)";

/** Whether the screen is wide enough for cards beside the text (browser only). */
export function isAlignedMargin(): boolean {
  return window.matchMedia(ALIGNED_MARGIN_QUERY).matches;
}

/** Space between two cards, px. */
const CARD_GAP = 8;

/** The first highlighted piece at or after each offset: pieces come in text order. */
function pieceFinder(text: HTMLElement): (offset: number) => Element | null {
  const marks = [...text.querySelectorAll<HTMLElement>("mark[data-start]")];
  const starts = marks.map((mark) => Number(mark.dataset.start));
  return (offset) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return marks[low] ?? null;
  };
}

/**
 * Places the margin's items beside their passages, as `layoutCards` computes. An item is an
 * element with `data-anchor` (an annotation id, or "pending" for the new annotation's panel)
 * and `data-anchor-start` (where its passage starts in the text); `data-cards-start` marks
 * where cards may begin and is given their height. Positions are set as transforms, directly:
 * moving cards must not re-render them. Cards that make room for a focused one above where
 * cards start slide under the margin's tools (`.margin-head`).
 *
 * Whether the margin is beside the text is the browser's to know (`margin-aligned`, set here
 * with the media query): the server renders the list, and hydration re-renders nothing. The
 * layout runs after every render and again whenever the text, the tools or an item changes
 * size (fonts, window, a reply added).
 */
export function useMarginLayout({
  textRef,
  marginRef,
  focusAnchor,
  onCoveredFocus,
}: {
  textRef: RefObject<HTMLElement | null>;
  marginRef: RefObject<HTMLElement | null>;
  /** The item that sits exactly beside its passage: the new annotation's panel, or the selected card. */
  focusAnchor: string | null;
  /** The keyboard reached a card slid under the margin's tools: the reader should select it. */
  onCoveredFocus: (anchor: string) => void;
}): void {
  const frame = useRef(0);
  const layoutRef = useRef<() => void>(() => {});
  const coveredFocusRef = useRef(onCoveredFocus);
  const hasLaidOut = useRef(false);

  useLayoutEffect(() => {
    coveredFocusRef.current = onCoveredFocus;
    layoutRef.current = () => {
      const text = textRef.current;
      const margin = marginRef.current;
      if (!text || !margin) return;
      const isAligned = isAlignedMargin();
      margin.classList.toggle("margin-aligned", isAligned);
      const items = [...margin.querySelectorAll<HTMLElement>("[data-anchor]")];
      const start = margin.querySelector<HTMLElement>("[data-cards-start]");
      if (!isAligned) {
        for (const item of items) item.style.removeProperty("transform");
        start?.style.removeProperty("height");
        return;
      }
      const pieceAt = pieceFinder(text);
      const marginTop = margin.getBoundingClientRect().top;
      const floor = start ? start.getBoundingClientRect().top - marginTop : 0;
      let previous = floor;
      const measured = items.map((element, order) => {
        const piece = pieceAt(Number(element.dataset.anchorStart));
        // Without its passage in the text (filtered a moment ago), a card follows the previous one.
        const anchor = piece ? piece.getBoundingClientRect().top - marginTop : previous;
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
    // The first placement waits for the browser to be idle: the text is painted first (the
    // server rendered the list, which stays until then), and measuring does not hold it up.
    if (hasLaidOut.current) layoutRef.current();
  });

  useEffect(() => {
    const firstLayout = () => {
      hasLaidOut.current = true;
      layoutRef.current();
    };
    if (typeof requestIdleCallback === "undefined") {
      const timer = setTimeout(firstLayout, 50);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(firstLayout, { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, []);

  useEffect(() => {
    const text = textRef.current;
    const margin = marginRef.current;
    if (!text || !margin) return;
    const schedule = () => {
      if (!hasLaidOut.current) return;
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => layoutRef.current());
    };
    const width = window.matchMedia(ALIGNED_MARGIN_QUERY);
    width.addEventListener("change", schedule);
    const resizes = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(schedule);
    const observeAll = () => {
      if (!resizes) return;
      resizes.observe(text);
      for (const child of margin.children) resizes.observe(child);
      for (const item of margin.querySelectorAll("[data-anchor]")) resizes.observe(item);
    };
    observeAll();
    // Items come and go (more cards, a card deleted, the new annotation's panel).
    const changes = new MutationObserver(() => {
      observeAll();
      schedule();
    });
    changes.observe(margin, { childList: true, subtree: true });
    // A card above where cards start is under the tools: reaching it by keyboard brings it out.
    function handleFocusIn(event: FocusEvent) {
      const item = (event.target as Element).closest<HTMLElement>("[data-anchor]");
      const start = margin!.querySelector("[data-cards-start]");
      if (item && start && isAlignedMargin() && item.getBoundingClientRect().top < start.getBoundingClientRect().top) {
        coveredFocusRef.current(item.dataset.anchor!);
      }
    }
    margin.addEventListener("focusin", handleFocusIn);
    return () => {
      cancelAnimationFrame(frame.current);
      width.removeEventListener("change", schedule);
      resizes?.disconnect();
      changes.disconnect();
      margin.removeEventListener("focusin", handleFocusIn);
    };
  }, [textRef, marginRef]);
}
