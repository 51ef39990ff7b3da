/**
 * W3C Web Annotation selectors as stored on an annotation
 * (https://www.w3.org/TR/annotation-model/#selectors). Offsets are UTF-16 code units into the
 * source's current normalized text, `end` exclusive.
 */
export type TextQuoteSelector = {
  type: "TextQuoteSelector";
  /** The selected text, verbatim. */
  exact: string;
  /** Up to `contextLength` characters just before `exact` (may be empty at the text start). */
  prefix: string;
  /** Up to `contextLength` characters just after `exact` (may be empty at the text end). */
  suffix: string;
};

/** Where the selection was when it was last anchored. */
export type TextPositionSelector = {
  type: "TextPositionSelector";
  start: number;
  end: number;
};

/** The pair of selectors that describe one annotation's target. */
export type RangeSelectors = {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
};

/** What `anchor` needs: the quote, and the last known position as a hint when there is one. */
export type AnchorTarget = {
  quote: Pick<TextQuoteSelector, "exact" | "prefix" | "suffix">;
  position?: Pick<TextPositionSelector, "start" | "end"> | null;
};

/** Where a target was found in a text. */
export type AnchorMatch = {
  start: number;
  end: number;
  /** True when the text at [start, end) equals the quote's `exact` verbatim. */
  exactMatch: boolean;
  /** Confidence between 0 and 1: quote, prefix and suffix similarity, closeness to the hint. */
  score: number;
};
