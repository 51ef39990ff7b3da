import { AnchoringError } from "./errors";
import type { RangeSelectors } from "./types";

/** Longest selection an annotation may quote, in UTF-16 code units. */
export const MAX_SELECTION_LENGTH = 5_000;

/** Characters of context kept on each side of the quote, as Hypothesis does. */
export const DEFAULT_CONTEXT_LENGTH = 32;

export type DescribeRangeOptions = {
  contextLength?: number;
};

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (inside an emoji, say). */
function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/**
 * Describes the range [start, end) of `text` with a W3C TextQuoteSelector (exact text plus up
 * to `contextLength` characters of prefix and suffix) and a TextPositionSelector.
 *
 * @throws AnchoringError `OUT_OF_RANGE` when the offsets are not integers within the text (or
 *   cut a surrogate pair), `EMPTY_SELECTION` when the range is empty or only whitespace,
 *   `TOO_LONG` beyond `MAX_SELECTION_LENGTH`.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
  { contextLength = DEFAULT_CONTEXT_LENGTH }: DescribeRangeOptions = {},
): RangeSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new AnchoringError("OUT_OF_RANGE", `Range [${start}, ${end}) is not within a text of ${text.length} characters.`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new AnchoringError("OUT_OF_RANGE", `Range [${start}, ${end}) cuts a character in two.`);
  }
  if (end - start > MAX_SELECTION_LENGTH) {
    throw new AnchoringError("TOO_LONG", `Selection of ${end - start} characters exceeds ${MAX_SELECTION_LENGTH}.`);
  }
  const exact = text.slice(start, end);
  if (exact.trim() === "") {
    throw new AnchoringError("EMPTY_SELECTION", "The selection is empty or only whitespace.");
  }

  const context = Math.max(0, Math.floor(contextLength));
  let prefixStart = Math.max(0, start - context);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart -= 1;
  let suffixEnd = Math.min(text.length, end + context);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd += 1;

  return {
    quote: {
      type: "TextQuoteSelector",
      exact,
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}
