import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, describeConsensus } from "@/lib/consensus/consensus";
import { presentLesson, type LessonWithRelations } from "@/lib/lessons/present";
import { NO_OWNERSHIP } from "@/lib/ownership/ownership";
import { citationRange, intensityLevel } from "./buckets";
import { summarizeLessons } from "./summarize-lessons";

/**
 * Small-number suppression on every figure of the review (docs/ANONYMITY.md, "The review
 * page"): over random rooms and random stances, the review's figures come only from what the
 * board's phrases already say. Lessons are presented by the real presenter, as the review gets
 * them from the board.
 */

const THEMES = [
  { id: "theme-a", name: "A", color: "blue" },
  { id: "theme-b", name: "B", color: "green" },
] as const;

interface RandomLesson {
  endorse: number;
  dispute: number;
  themes: number[];
  passages: number;
  sources: number;
  inNote: boolean;
}

function fakeLesson(index: number, lesson: RandomLesson): LessonWithRelations {
  const evidence = Array.from({ length: lesson.passages }, (_, passage) => {
    const sourceId = `source-${passage % Math.max(1, lesson.sources)}`;
    return {
      id: `evidence-${index}-${passage}`,
      lessonId: `lesson-${index}`,
      passageId: `passage-${index}-${passage}`,
      note: "",
      ownerTag: null,
      createdAt: new Date(0),
      passage: { id: `passage-${index}-${passage}`, workshopId: "w", sourceId, revision: 1, exact: "x", prefix: "", suffix: "", start: passage, end: passage + 1, state: "PLACED" as const, source: { id: sourceId, title: "S", position: 0 } },
    };
  });
  return {
    id: `lesson-${index}`,
    workshopId: "w",
    ownerTag: null,
    statement: `Lesson ${index}`,
    elaboration: "",
    hiddenAt: null,
    editedAt: null,
    mergedAt: null,
    mergedIntoId: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    themes: lesson.themes.map((theme) => ({ lessonId: `lesson-${index}`, themeId: THEMES[theme]!.id })),
    evidence,
  } as unknown as LessonWithRelations;
}

function review(eligible: number, lessons: readonly RandomLesson[]) {
  const context = { eligible, thresholds: DEFAULT_THRESHOLDS, held: false, noteLessonIds: new Set(lessons.flatMap((lesson, index) => (lesson.inNote ? [`lesson-${index}`] : []))) };
  const audience = { viewerId: "viewer", isModerator: false, ownership: NO_OWNERSHIP };
  const presented = lessons.map((lesson, index) => presentLesson(fakeLesson(index, lesson), { endorse: lesson.endorse, dispute: lesson.dispute, myStance: null }, context, audience));
  return summarizeLessons(presented, THEMES);
}

/** Every (endorse, dispute) in a room of `eligible` that the board describes exactly as it describes this one. */
function samePhrase(eligible: number, lesson: RandomLesson): Array<{ endorse: number; dispute: number }> {
  const seen = JSON.stringify(describeConsensus({ ...lesson, eligible }));
  const pairs = [];
  for (let endorse = 0; endorse <= eligible; endorse += 1) {
    for (let dispute = 0; endorse + dispute <= eligible; dispute += 1) {
      if (JSON.stringify(describeConsensus({ endorse, dispute, eligible })) === seen) pairs.push({ endorse, dispute });
    }
  }
  return pairs;
}

const room = fc.integer({ min: 1, max: 14 }).chain((eligible) =>
  fc.record({
    eligible: fc.constant(eligible),
    lessons: fc.array(
      fc
        .record({
          endorse: fc.integer({ min: 0, max: eligible }),
          dispute: fc.integer({ min: 0, max: eligible }),
          themes: fc.uniqueArray(fc.integer({ min: 0, max: 1 }), { maxLength: 2 }),
          passages: fc.integer({ min: 0, max: 4 }),
          sources: fc.integer({ min: 1, max: 3 }),
          inNote: fc.boolean(),
          pick: fc.nat(),
        })
        .map(({ endorse, dispute, ...rest }) => ({ ...rest, endorse, dispute: Math.min(dispute, eligible - endorse) })),
      { minLength: 1, maxLength: 6 },
    ),
  }),
);

/** The rule of docs/CONSENSUS.md ("Small groups"), restated here so that the test does not lean on the code it checks. */
function singlesNobodyOut({ endorse, dispute, eligible }: Record<string, number>): boolean {
  const groups = [endorse!, dispute!, eligible! - endorse! - dispute!];
  return eligible! >= 3 && groups.every((size) => size === 0 || size >= 3) && groups.filter((size) => size > 0).length >= 2;
}

function countsIn(value: unknown, found: Array<Record<string, number>> = []): Array<Record<string, number>> {
  if (Array.isArray(value)) value.forEach((item) => countsIn(item, found));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "counts" && item && typeof item === "object" && "eligible" in item) found.push(item as Record<string, number>);
      else countsIn(item, found);
    }
  }
  return found;
}

describe("small numbers in the review", () => {
  it("shows stance counts only where they single nobody out", () => {
    fc.assert(
      fc.property(room, ({ eligible, lessons }) => {
        for (const counts of countsIn(review(eligible, lessons))) {
          expect(singlesNobodyOut(counts), JSON.stringify(counts)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("says nothing the phrases do not: any stances the board words the same way give the same review", () => {
    fc.assert(
      fc.property(room, ({ eligible, lessons }) => {
        const others = lessons.map((lesson) => {
          const alternatives = samePhrase(eligible, lesson);
          return { ...lesson, ...alternatives[lesson.pick % alternatives.length]! };
        });
        expect(review(eligible, others)).toEqual(review(eligible, lessons));
      }),
      { numRuns: 300 },
    );
  });

  it("never tells one contribution from two, in a paragraph's level or a passage's range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100_000 }), (busiest) => {
        expect(intensityLevel(1, busiest)).toBe(intensityLevel(2, busiest));
        expect(intensityLevel(1, busiest)).toBeGreaterThan(0);
        expect(intensityLevel(0, busiest)).toBe(0);
        expect(intensityLevel(busiest, busiest)).toBe(busiest <= 2 ? 1 : 4);
      }),
    );
    expect(citationRange(1)).toEqual(citationRange(2));
    expect(citationRange(0)).toBeNull();
  });
});
