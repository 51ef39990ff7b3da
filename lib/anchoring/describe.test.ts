import { describe, expect, it } from "vitest";
import { describeRange, MAX_SELECTION_LENGTH } from "./describe";
import { AnchoringError, isAnchoringError, type AnchoringErrorCode } from "./errors";
import { IPI_NOTE, readCorpusText } from "./testing";

const text = readCorpusText(IPI_NOTE);

function expectAnchoringError(run: () => unknown, code: AnchoringErrorCode) {
  try {
    run();
  } catch (error) {
    expect(isAnchoringError(error)).toBe(true);
    expect((error as AnchoringError).code).toBe(code);
    return;
  }
  expect.fail(`expected AnchoringError ${code}`);
}

describe("describeRange", () => {
  it("describes a selection with the quote, 32 characters of context and its position", () => {
    const start = text.indexOf("Participants generally agreed that MINUSMA");
    const end = start + "Participants generally agreed".length;
    expect(describeRange(text, start, end)).toEqual({
      quote: {
        type: "TextQuoteSelector",
        exact: "Participants generally agreed",
        prefix: "nform future peace operations.\n\n",
        suffix: " that MINUSMA played an essentia",
      },
      position: { type: "TextPositionSelector", start, end },
    });
    expect(start).toBe(2435);
  });

  it("shortens the context at the edges of the text and honours contextLength", () => {
    const first = describeRange(text, 0, 13);
    expect(first.quote).toMatchObject({ exact: "INTERNATIONAL", prefix: "", suffix: "\nPEACE\nINSTITUTE\n\n# Emerging Les" });
    const last = describeRange(text, text.length - 5, text.length, { contextLength: 8 });
    expect(last.quote).toMatchObject({ exact: ".org)", prefix: "w.ipinst", suffix: "" });
    expect(last.quote.exact).toBe(text.slice(-5));
  });

  it("keeps curly quotes and accents as they are", () => {
    const sample = "the group’s intention in Sévaré, “the occupying enemy”";
    const start = sample.indexOf("Sévaré");
    const { quote } = describeRange(sample, start, start + 6, { contextLength: 6 });
    expect(quote).toMatchObject({ exact: "Sévaré", prefix: "on in ", suffix: ", “the" });
  });

  it("never cuts a surrogate pair in the context, and refuses to cut one in the selection", () => {
    const sample = "ab😀cd😀ef";
    expect(describeRange(sample, 4, 6, { contextLength: 1 }).quote).toMatchObject({ prefix: "😀", suffix: "😀" });
    expectAnchoringError(() => describeRange(sample, 3, 5), "OUT_OF_RANGE");
  });

  it("accepts a selection of exactly the maximum length", () => {
    const { quote } = describeRange(text, 100, 100 + MAX_SELECTION_LENGTH);
    expect(quote.exact).toHaveLength(5_000);
  });

  it.each([
    ["empty", 10, 10, "EMPTY_SELECTION"],
    ["only whitespace (a blank line)", 29, 31, "EMPTY_SELECTION"],
    ["reversed", 20, 10, "OUT_OF_RANGE"],
    ["negative", -1, 10, "OUT_OF_RANGE"],
    ["past the end", 10, 26_087, "OUT_OF_RANGE"],
    ["fractional", 1.5, 10, "OUT_OF_RANGE"],
    ["NaN", Number.NaN, 10, "OUT_OF_RANGE"],
    ["too long", 0, MAX_SELECTION_LENGTH + 1, "TOO_LONG"],
  ] as const)("rejects a selection that is %s", (_, start, end, code) => {
    expectAnchoringError(() => describeRange(text, start, end), code);
  });

  it("reports errors as AnchoringError with a message", () => {
    expect(() => describeRange(text, 5, 5)).toThrow(AnchoringError);
    expect(() => describeRange(text, 0, 26_087)).toThrow(/not within a text of 26086 characters/);
  });
});
