import { describe, expect, it } from "vitest";
import { createPrng, randomInt } from "@/lib/anchoring/testing";
import { layoutCards, type CardBox } from "./card-layout";

const GAP = 8;

/** Cards never overlap and keep their order. */
function expectNoOverlap(cards: CardBox[], tops: number[]) {
  for (let i = 1; i < cards.length; i += 1) expect(tops[i]!).toBeGreaterThanOrEqual(tops[i - 1]! + cards[i - 1]!.height + GAP);
}

describe("layoutCards", () => {
  it("puts each card beside its passage when there is room", () => {
    const cards = [
      { anchor: 0, height: 50 },
      { anchor: 100, height: 50 },
      { anchor: 300, height: 80 },
    ];
    expect(layoutCards(cards, { gap: GAP, top: 0, focusIndex: -1 })).toEqual([0, 100, 300]);
  });

  it("pushes a card down below the previous one, and the next ones after it", () => {
    const cards = [
      { anchor: 0, height: 120 },
      { anchor: 40, height: 60 },
      { anchor: 150, height: 60 },
      { anchor: 500, height: 60 },
    ];
    // 0..120, then 128..188, then 196 (its passage is at 150), then free again at 500.
    expect(layoutCards(cards, { gap: GAP, top: 0, focusIndex: -1 })).toEqual([0, 128, 196, 500]);
  });

  it("keeps cards below the margin's tools", () => {
    const cards = [
      { anchor: 20, height: 40 },
      { anchor: 60, height: 40 },
    ];
    expect(layoutCards(cards, { gap: GAP, top: 300, focusIndex: -1 })).toEqual([300, 348]);
  });

  it("aligns the selected card exactly with its passage; earlier cards move up, later ones down", () => {
    const cards = [
      { anchor: 300, height: 100 },
      { anchor: 350, height: 100 },
      { anchor: 380, height: 100 },
      { anchor: 400, height: 100 },
    ];
    const tops = layoutCards(cards, { gap: GAP, top: 0, focusIndex: 2 });
    expect(tops[2]).toBe(380);
    // Card 1 ends a gap above the selected one; card 0 above it; card 3 below.
    expect(tops).toEqual([380 - 2 * (100 + GAP), 380 - (100 + GAP), 380, 380 + 100 + GAP]);
    expectNoOverlap(cards, tops);
  });

  it("leaves earlier cards at their passage when they are out of the selected card's way", () => {
    const cards = [
      { anchor: 0, height: 50 },
      { anchor: 400, height: 50 },
      { anchor: 420, height: 50 },
    ];
    expect(layoutCards(cards, { gap: GAP, top: 0, focusIndex: 2 })).toEqual([0, 420 - 50 - GAP, 420]);
  });

  it("keeps the selected card beside its passage even when the cards before it must go above the top", () => {
    const cards = [
      { anchor: 10, height: 100 },
      { anchor: 20, height: 100 },
      { anchor: 30, height: 100 },
    ];
    // Without a selection they stack from the top; selected, the third sits at its passage.
    expect(layoutCards(cards, { gap: GAP, top: 0, focusIndex: -1 })).toEqual([10, 118, 226]);
    expect(layoutCards(cards, { gap: GAP, top: 0, focusIndex: 2 })).toEqual([30 - 216, 30 - 108, 30]);
    // A passage above the tools: the selected card goes no higher than where cards start.
    expect(layoutCards(cards, { gap: GAP, top: 50, focusIndex: 0 })).toEqual([50, 158, 266]);
  });

  it("moves cards before the selected one only as far as it needs", () => {
    const cards = [
      { anchor: 0, height: 50 },
      { anchor: 10, height: 50 },
      { anchor: 1000, height: 50 },
    ];
    // The first two stay stacked at the top: the selected card is far below them.
    expect(layoutCards(cards, { gap: GAP, top: 0, focusIndex: 2 })).toEqual([0, 58, 1000]);
  });

  it("handles no cards and a focus index out of range", () => {
    expect(layoutCards([], { gap: GAP, top: 0, focusIndex: -1 })).toEqual([]);
    expect(layoutCards([{ anchor: 5, height: 10 }], { gap: GAP, top: 0, focusIndex: 3 })).toEqual([5]);
  });

  it("never overlaps, whatever the anchors, heights and selection (random layouts)", () => {
    const random = createPrng(7);
    for (let run = 0; run < 500; run += 1) {
      let anchor = randomInt(random, 0, 200);
      const cards = Array.from({ length: randomInt(random, 1, 30) }, () => {
        anchor += randomInt(random, 0, 150);
        return { anchor, height: randomInt(random, 30, 300) };
      });
      const top = randomInt(random, 0, 400);
      const focusIndex = randomInt(random, -1, cards.length - 1);
      const tops = layoutCards(cards, { gap: GAP, top, focusIndex });
      const unfocused = layoutCards(cards, { gap: GAP, top, focusIndex: -1 });
      expectNoOverlap(cards, tops);
      const from = Math.max(0, focusIndex);
      // The focused card is beside its passage (or where cards start); none after it is above
      // its passage or the top, and without a selection none at all.
      expect(tops[from]).toBe(Math.max(cards[from]!.anchor, top));
      cards.forEach((card, i) => {
        if (i >= from) expect(tops[i]).toBeGreaterThanOrEqual(Math.max(card.anchor, top));
        // Before the focused card, a card is never lower than it would be with nothing selected.
        else expect(tops[i]).toBeLessThanOrEqual(unfocused[i]!);
      });
    }
  });
});
