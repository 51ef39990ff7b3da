/** One card of the margin: where its passage starts (px from the margin's top) and its height. */
export interface CardBox {
  anchor: number;
  height: number;
}

export interface CardLayoutOptions {
  /** Space kept between two cards, px. */
  gap: number;
  /** Cards start here (the margin's tools end there), px; only those before a focused card go higher. */
  top: number;
  /** The card that must sit exactly beside its passage (selected or being written), or -1. */
  focusIndex: number;
}

/**
 * Where each card goes, as Google Docs and Hypothesis place margin comments: every card wants
 * the top of its passage, in order, and is pushed down when the previous one is in the way;
 * no card goes above `top`. A focused card (the selected one, or the new annotation's panel)
 * gets its passage's top exactly (`top` at least); the cards before it move up to make room,
 * above `top` if they must (the margin then slides them under its tools, as a document's
 * comments scroll away above it), and those after it move down. Cards come in document order,
 * which is the order of their anchors. Returns each card's top.
 */
export function layoutCards(cards: readonly CardBox[], { gap, top, focusIndex }: CardLayoutOptions): number[] {
  // Every card where it would be with nothing selected: at its passage, below the previous one.
  const tops = new Array<number>(cards.length);
  for (let i = 0; i < cards.length; i += 1) {
    tops[i] = Math.max(cards[i]!.anchor, top, i > 0 ? tops[i - 1]! + cards[i - 1]!.height + gap : -Infinity);
  }
  if (focusIndex < 0 || focusIndex >= cards.length) return tops;
  // Then the focused card at its passage: those before move up only as far as it needs.
  tops[focusIndex] = Math.max(cards[focusIndex]!.anchor, top);
  for (let i = focusIndex - 1; i >= 0; i -= 1) tops[i] = Math.min(tops[i]!, tops[i + 1]! - gap - cards[i]!.height);
  for (let i = focusIndex + 1; i < cards.length; i += 1) {
    tops[i] = Math.max(cards[i]!.anchor, top, tops[i - 1]! + cards[i - 1]!.height + gap);
  }
  return tops;
}
