import { describe, expect, it } from "vitest";
import { anchor } from "./anchor";
import { describeRange } from "./describe";
import { CSIS_BRIEF, createPrng, IPI_NOTE, randomInt, readCorpusText } from "./testing";

const text = readCorpusText(IPI_NOTE);

/** Replaces the one occurrence of `from`; fails if it is missing or ambiguous. */
function replaceOnce(source: string, from: string, to: string): string {
  const at = source.indexOf(from);
  expect(at, `"${from}" occurs in the text`).toBeGreaterThanOrEqual(0);
  expect(source.indexOf(from, at + 1), `"${from}" occurs once`).toBe(-1);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

/** Describes the one occurrence of `exact` in `source`. */
function describeQuote(source: string, exact: string) {
  const start = source.indexOf(exact);
  expect(source.indexOf(exact, start + 1)).toBe(-1);
  return describeRange(source, start, start + exact.length);
}

describe("anchor round trips on the IPI note", () => {
  it("anchors 400 random selections back where they were described, with or without the position", () => {
    const random = createPrng(20_240_613);
    const misplaced: string[] = [];
    let unique = 0;
    let described = 0;
    for (let i = 0; i < 400; i += 1) {
      const start = randomInt(random, 0, text.length - 2);
      const end = Math.min(text.length, start + randomInt(random, 1, 400));
      if (text.slice(start, end).trim() === "") continue;
      described += 1;
      const selectors = describeRange(text, start, end);
      expect(anchor(text, selectors)).toEqual({ start, end, exactMatch: true, score: 1 });
      const { prefix, exact, suffix } = selectors.quote;
      if (text.indexOf(prefix + exact + suffix) !== text.lastIndexOf(prefix + exact + suffix)) continue;
      unique += 1;
      const found = anchor(text, { quote: selectors.quote });
      if (found?.start !== start || found.end !== end) misplaced.push(`[${start}, ${end}) ${JSON.stringify(exact)}`);
    }
    expect(described).toBeGreaterThan(390);
    expect(unique).toBeGreaterThan(380);
    expect(misplaced).toEqual([]);
  });

  it("tells the occurrences of 'participants' apart by their prefix and suffix", () => {
    const starts: number[] = [];
    for (let at = text.indexOf("participants"); at !== -1; at = text.indexOf("participants", at + 1)) starts.push(at);
    expect(starts).toEqual([880, 10135, 10357, 12435, 12634]);
    const shifted = "A paragraph added by the organizer.\n\n" + text;
    starts.forEach((start, i) => {
      const { quote } = describeRange(text, start, start + 12);
      const elsewhere = starts[(i + 1) % starts.length]!;
      expect(anchor(text, { quote })).toMatchObject({ start, end: start + 12, exactMatch: true });
      expect(anchor(text, { quote, position: { start: elsewhere, end: elsewhere + 12 } })?.start).toBe(start);
      expect(anchor(shifted, { quote, position: { start, end: start + 12 } })).toMatchObject({
        start: start + 37,
        end: start + 49,
        exactMatch: true,
      });
    });
  });

  it("finds an edited duplicate by its context rather than an intact copy elsewhere", () => {
    const target = describeRange(text, 12_435, 12_447);
    const singular = replaceOnce(text, "A few participants also", "A few participant also");
    expect(anchor(singular, target)).toMatchObject({ start: 12_435, end: 12_446, exactMatch: false });
    const replaced = replaceOnce(text, "A few participants also", "A few attendees also");
    expect(anchor(replaced, target)).toBeNull();
  });
});

describe("anchor after the source is revised", () => {
  const paragraph = text.split("\n\n")[13]!;
  const quoteText = "there was growing dissatisfaction with MINUSMA among Malians";
  const target = describeQuote(text, quoteText);

  it("follows a moved paragraph", () => {
    const moved = replaceOnce(
      replaceOnce(text, `${paragraph}\n\n`, ""),
      "the region.<sup>6</sup>\n\n",
      `the region.<sup>6</sup>\n\n${paragraph}\n\n`,
    );
    const start = moved.indexOf(paragraph) + (target.position.start - 4_332);
    expect(moved.indexOf(paragraph)).toBeGreaterThan(6_000);
    expect(anchor(moved, target)).toMatchObject({ start, end: start + quoteText.length, exactMatch: true });
    const opening = describeRange(text, 4_332, 4_332 + 40);
    expect(anchor(moved, opening)).toMatchObject({ start: moved.indexOf(paragraph), exactMatch: true });
  });

  it("still finds a quote shortened by a word, as a fuzzy match", () => {
    const shortened = replaceOnce(text, "growing dissatisfaction with", "dissatisfaction with");
    const match = anchor(shortened, target);
    expect(match).toMatchObject({ start: target.position.start, end: target.position.end - 8, exactMatch: false });
    expect(shortened.slice(match!.start, match!.end)).toBe("there was dissatisfaction with MINUSMA among Malians");
    expect(match!.score).toBeGreaterThan(0.9);
  });

  it("still finds a quote whose typo was fixed", () => {
    const withTypo = replaceOnce(text, "growing dissatisfaction", "growing disatisfaction");
    const typoTarget = describeQuote(withTypo, "there was growing disatisfaction with MINUSMA among Malians");
    const match = anchor(text, typoTarget);
    expect(match).toMatchObject({ start: target.position.start, end: target.position.end, exactMatch: false });
    expect(match!.score).toBeGreaterThan(0.95);
  });

  it("orphans a quote whose paragraph was deleted", () => {
    const deleted = replaceOnce(text, `${paragraph}\n\n`, "");
    expect(anchor(deleted, target)).toBeNull();
    expect(anchor(deleted, describeRange(text, 4_332, 4_332 + paragraph.length))).toBeNull();
  });

  it("follows offsets shifted by edits elsewhere", () => {
    const preface = "Preface by the organizer.\n\n";
    const removed = " The discussion also aimed to consider how lessons from Mali could inform future peace operations.";
    const edited = replaceOnce(preface + text, removed, "");
    const delta = preface.length - removed.length;
    expect(delta).toBe(-71);
    const match = anchor(edited, target);
    expect(match).toMatchObject({ start: target.position.start + delta, end: target.position.end + delta, exactMatch: true });
    expect(match!.score).toBeGreaterThan(0.99);
  });
});

describe("anchor with curly quotes and accents (CSIS brief)", () => {
  const csis = readCorpusText(CSIS_BRIEF);
  const quoted = "the group’s intention to “stand in front of the occupying Crusader enemy”";
  const accented = "a regional counterterrorism force, in Sévaré, Mali";

  it("anchors quotes with ’, “ ” and é exactly, also after edits elsewhere", () => {
    const revised = replaceOnce(csis, "Tactics and Targets", "Tactics, Targets and Methods");
    for (const exact of [quoted, accented]) {
      const target = describeQuote(csis, exact);
      const { start, end } = target.position;
      expect(anchor(csis, target)).toEqual({ start, end, exactMatch: true, score: 1 });
      const shift = target.position.start > revised.indexOf("Tactics, Targets") ? 9 : 0;
      expect(anchor(revised, target)).toMatchObject({ start: target.position.start + shift, exactMatch: true });
    }
  });

  it("finds a quote after its curly quotes were straightened, as a fuzzy match", () => {
    const target = describeQuote(csis, quoted);
    const straightened = csis.replace(/’/g, "'").replace(/[“”]/g, '"');
    const match = anchor(straightened, target);
    expect(match).toMatchObject({ start: 1_169, end: 1_242, exactMatch: false });
    expect(target.position).toMatchObject({ start: 1_169, end: 1_242 });
    expect(straightened.slice(match!.start, match!.end)).toBe(
      "the group's intention to \"stand in front of the occupying Crusader enemy\"",
    );
  });
});

describe("anchor edge cases", () => {
  it("returns null for an empty quote or an empty text", () => {
    expect(anchor(text, { quote: { exact: "", prefix: "", suffix: "" } })).toBeNull();
    expect(anchor("", { quote: { exact: "Mali", prefix: "", suffix: "" } })).toBeNull();
  });

  it("ignores a position hint that is not a range within the text", () => {
    const target = describeRange(text, 2_435, 2_464);
    for (const position of [{ start: -5, end: 3 }, { start: 10, end: 1e9 }, { start: 1.5, end: 4 }, { start: 9, end: 9 }]) {
      expect(anchor(text, { quote: target.quote, position })).toMatchObject({ start: 2_435, end: 2_464 });
    }
  });
});
