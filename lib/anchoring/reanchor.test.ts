import { describe, expect, it } from "vitest";
import { describeRange } from "./describe";
import { reanchorAll } from "./reanchor";
import { applyEdits, createPrng, findWords, IPI_NOTE, randomWordRange, readCorpusText } from "./testing";

const text = readCorpusText(IPI_NOTE);
const paragraphs = text.split("\n\n");
const startOf = (paragraph: string) => text.indexOf(paragraph);
const deleted = { start: startOf(paragraphs[13]!), end: startOf(paragraphs[13]!) + paragraphs[13]!.length };
const moved = { start: startOf(paragraphs[28]!), end: startOf(paragraphs[28]!) + paragraphs[28]!.length };
const insertedAt = startOf(paragraphs[64]!);
const removedWord = { start: text.indexOf("insufficient cooperation"), end: text.indexOf("insufficient cooperation") + 13 };

/**
 * The organizer's revision: a preface added, paragraph 13 deleted, a word removed in paragraph
 * 34, and paragraph 28 moved to just before the publishers' notes (paragraph 64).
 */
const revision = applyEdits(text, [
  { oldStart: 0, oldEnd: 0, insert: "Revised by the organizer after the workshop.\n\n" },
  { oldStart: deleted.start, oldEnd: deleted.end + 2, insert: "" },
  { oldStart: moved.start, oldEnd: moved.end + 2, insert: "" },
  { oldStart: removedWord.start, oldEnd: removedWord.end, insert: "" },
  { oldStart: insertedAt, oldEnd: insertedAt, insert: `${paragraphs[28]}\n\n` },
]);
const newText = revision.text;

const inside = (range: { start: number; end: number }, area: { start: number; end: number }) =>
  range.start >= area.start && range.end <= area.end;
const overlaps = (range: { start: number; end: number }, area: { start: number; end: number }) =>
  range.start < Math.max(area.end, area.start + 1) && range.end > area.start;

describe("reanchorAll after an organizer revises the IPI note", () => {
  const random = createPrng(42);
  const words = findWords(text);
  const wordsOfMoved = words.filter((word) => inside(word, moved));
  const annotations = Array.from({ length: 310 }, (_, i) => {
    const range = randomWordRange(random, i < 300 ? words : wordsOfMoved, 3, 30);
    return { id: `a${i}`, ...describeRange(text, range.start, range.end) };
  });
  const summary = reanchorAll(newText, annotations);

  it("gives every annotation an outcome, in order, and lists the orphans", () => {
    expect(summary.outcomes.map((outcome) => outcome.id)).toEqual(annotations.map((a) => a.id));
    expect(summary.orphans).toEqual(summary.outcomes.filter((o) => o.isOrphan).map((o) => o.id));
    const { exact, fuzzy, orphaned } = summary.counts;
    expect(exact + fuzzy + orphaned).toBe(310);
    expect(orphaned).toBe(summary.orphans.length);
  });

  it("orphans the annotations of the deleted paragraph, and only quotes that edits cut through", () => {
    const inDeleted = annotations.filter((a) => inside(a.position, deleted)).map((a) => a.id);
    expect(inDeleted).toEqual(["a35", "a51", "a136", "a216", "a278", "a284", "a295"]);
    // a70 and a283 lose most of their words with the paragraph; a moved paragraph lands inside a241.
    expect(summary.orphans).toEqual(["a35", "a51", "a70", "a136", "a216", "a241", "a278", "a283", "a284", "a295"]);
    for (const id of ["a70", "a283"]) expect(overlaps(annotations.find((a) => a.id === id)!.position, deleted)).toBe(true);
    expect(overlaps(annotations.find((a) => a.id === "a241")!.position, { start: insertedAt, end: insertedAt })).toBe(true);
  });

  it("moves the annotations of untouched text by the offsets of the edits, as exact matches", () => {
    const untouched = annotations.filter(
      (a) =>
        !overlaps(a.position, { start: deleted.start, end: deleted.end + 2 }) &&
        !overlaps(a.position, { start: moved.start, end: moved.end + 2 }) &&
        !overlaps(a.position, removedWord) &&
        !overlaps(a.position, { start: insertedAt, end: insertedAt }),
    );
    expect(untouched.length).toBeGreaterThan(250);
    for (const annotation of untouched) {
      const outcome = summary.outcomes.find((o) => o.id === annotation.id)!;
      const start = revision.mapOffset(annotation.position.start);
      expect(outcome).toMatchObject({ isOrphan: false, start, end: start + annotation.quote.exact.length, exactMatch: true });
    }
  });

  it("follows the moved paragraph", () => {
    const inMoved = annotations.filter((a) => inside(a.position, moved));
    expect(inMoved.length).toBe(12);
    const shift = newText.indexOf(paragraphs[28]!) - moved.start;
    for (const annotation of inMoved) {
      const outcome = summary.outcomes.find((o) => o.id === annotation.id)!;
      expect(outcome).toMatchObject({ start: annotation.position.start + shift, end: annotation.position.end + shift });
    }
  });

  it("finds a quote that lost a word as a fuzzy match", () => {
    const selectors = describeRange(text, removedWord.start - 30, removedWord.end + 30);
    const [outcome] = reanchorAll(newText, [{ id: "word", ...selectors }]).outcomes;
    const start = revision.mapOffset(selectors.position.start);
    expect(outcome).toMatchObject({ isOrphan: false, start, end: start + 73 - 13, exactMatch: false });
  });

  it("places an orphan again when its quote comes back, and keeps the others orphaned", () => {
    const back = describeRange(text, moved.start, moved.start + 60);
    const gone = describeRange(text, deleted.start, deleted.start + 60);
    const { outcomes, orphans, counts } = reanchorAll(newText, [
      { id: "back", quote: back.quote, position: null },
      { id: "gone", quote: gone.quote, position: null },
    ]);
    expect(outcomes[0]).toMatchObject({ id: "back", isOrphan: false, start: newText.indexOf(paragraphs[28]!) });
    expect(outcomes[1]).toEqual({ id: "gone", isOrphan: true, start: null, end: null });
    expect(orphans).toEqual(["gone"]);
    expect(counts).toEqual({ exact: 1, fuzzy: 0, orphaned: 1 });
  });
});
