import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyConsensus, describeConsensus, DEFAULT_THRESHOLDS, mayShowCounts, ZConsensusThresholds, type ConsensusClass, type StanceCounts } from "./consensus";
import { consensusWording, methodsSentence } from "./wording";

const counts = (endorse: number, dispute: number, eligible: number): StanceCounts => ({ endorse, dispute, eligible });

describe("classifyConsensus at the edges of the table", () => {
  it.each<[StanceCounts, ConsensusClass]>([
    [counts(0, 0, 10), "none"],
    [counts(1, 0, 10), "one"],
    [counts(1, 0, 1), "one"],
    [counts(2, 0, 10), "few"],
    [counts(3, 0, 10), "few"],
    [counts(4, 0, 20), "several"],
    [counts(7, 0, 20), "several"],
    [counts(8, 0, 20), "many"], // 40%
    [counts(14, 0, 20), "many"], // 70%
    [counts(15, 0, 20), "general"], // 75%
    [counts(15, 2, 20), "general"], // 10% disputes
    [counts(15, 3, 20), "many"], // 15% disputes: no longer general, and not diverged (3 < 15/3)
    [counts(2, 0, 2), "general"],
    [counts(3, 0, 3), "general"],
    [counts(3, 1, 10), "diverged"], // the smaller side is a third of the larger
    [counts(4, 1, 20), "several"], // …and below a third it is not
    [counts(1, 1, 10), "diverged"],
    [counts(5, 5, 10), "diverged"],
    [counts(1, 3, 10), "diverged"],
    [counts(1, 4, 10), "questioned"], // disputes more than three to one
    [counts(0, 1, 10), "questioned"],
    [counts(0, 6, 10), "questioned"],
  ])("%o is %s", (input, expected) => {
    expect(classifyConsensus(input)).toBe(expected);
  });

  it("follows the workshop's own thresholds", () => {
    const strict = { ...DEFAULT_THRESHOLDS, generalShare: 0.9, fewMax: 2 };
    expect(classifyConsensus(counts(15, 0, 20), strict)).toBe("many");
    expect(classifyConsensus(counts(3, 0, 20), strict)).toBe("several");
  });

  it("accepts thresholds only within sane bounds", () => {
    expect(ZConsensusThresholds.safeParse(DEFAULT_THRESHOLDS).success).toBe(true);
    expect(ZConsensusThresholds.safeParse({ ...DEFAULT_THRESHOLDS, generalShare: 0.5 }).success).toBe(false);
    expect(ZConsensusThresholds.safeParse({ ...DEFAULT_THRESHOLDS, manyShare: 0.6, generalShare: 0.6 }).success).toBe(false);
    expect(ZConsensusThresholds.safeParse({ ...DEFAULT_THRESHOLDS, fewMax: 1 }).success).toBe(false);
  });
});

describe("wording", () => {
  it("has a label and a sentence lead for every class in English and French, all different", () => {
    for (const locale of ["en", "fr"] as const) {
      const classes = ["none", "one", "few", "several", "many", "general", "diverged", "questioned"] as const;
      const labels = classes.map((consensus) => consensusWording(consensus, locale).label);
      const leads = classes.map((consensus) => consensusWording(consensus, locale).lead);
      expect(new Set(labels).size).toBe(classes.length);
      expect(new Set(leads).size).toBe(classes.length);
    }
    expect(consensusWording("general", "en").lead).toBe("Participants generally agreed that");
    expect(consensusWording("one", "en").lead).toBe("One participant noted that");
    expect(consensusWording("few", "fr").label).toBe("Quelques participants");
  });

  it("states the thresholds in force in the methods sentence", () => {
    expect(methodsSentence("en")).toContain("at least 75% of the members who could take a stance endorsed");
    expect(methodsSentence("en", { ...DEFAULT_THRESHOLDS, generalShare: 0.8 })).toContain("at least 80%");
    expect(methodsSentence("fr")).toContain("au moins 75% des membres pouvant prendre position ont approuvé");
  });
});

describe("the small-group rule", () => {
  it.each<[StanceCounts, boolean]>([
    [counts(3, 3, 6), true],
    [counts(3, 0, 6), true],
    [counts(10, 4, 20), true],
    [counts(3, 0, 3), false], // everyone endorsed: each knows the others did
    [counts(0, 0, 10), false], // nobody took a stance: the same
    [counts(2, 0, 10), false], // a count of two
    [counts(1, 5, 10), false], // a count of one
    [counts(4, 4, 10), false], // two without a stance, by subtraction
    [counts(1, 1, 2), false], // fewer than three eligible
  ])("%o: counts shown = %s", (input, expected) => {
    expect(mayShowCounts(input)).toBe(expected);
    expect(describeConsensus(input).counts === null).toBe(!expected);
  });

  type Stance = "endorse" | "dispute" | "none";

  /** What one member can see at a moment: the phrase, and the counts when they may be shown. */
  function visible(stances: Stance[]) {
    const tally = counts(stances.filter((s) => s === "endorse").length, stances.filter((s) => s === "dispute").length, stances.length);
    return describeConsensus(tally);
  }

  /**
   * Whether `viewer`, knowing their own stance and what is visible, can tell the stance of some
   * other member for certain: with counts, exactly when all the others share one stance.
   */
  function someoneElseIsKnown(stances: Stance[], viewer: number): boolean {
    const shown = visible(stances).counts;
    if (!shown) return false;
    const others = stances.filter((_, index) => index !== viewer);
    return new Set(others).size <= 1 && others.length > 0;
  }

  /** Whether the phrase alone (without any counts) tells the viewer someone else's stance. */
  function phraseAloneTells(stances: Stance[], viewer: number): boolean {
    const { consensus } = visible(stances);
    const eligible = stances.length;
    // Every world of stances for the others that gives the same phrase, with the viewer's own stance fixed.
    const worlds = new Set<string>();
    const others = eligible - 1;
    for (let endorse = 0; endorse <= others; endorse += 1) {
      for (let dispute = 0; endorse + dispute <= others; dispute += 1) {
        const own = stances[viewer]!;
        const total = counts(endorse + (own === "endorse" ? 1 : 0), dispute + (own === "dispute" ? 1 : 0), eligible);
        if (classifyConsensus(total) !== consensus) continue;
        const groups = [endorse, dispute, others - endorse - dispute].map((size, index) => (size > 0 ? index : -1)).filter((index) => index >= 0);
        worlds.add(groups.length === 1 ? `all:${groups[0]}` : "split");
      }
    }
    return worlds.size === 1 && !worlds.has("split");
  }

  it("never lets a sequence of visible figures tell anyone another member's stance beyond what the phrase says", () => {
    const stance = fc.constantFrom<Stance>("endorse", "dispute", "none");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }).chain((size) =>
          fc.tuple(fc.array(stance, { minLength: size, maxLength: size }), fc.array(fc.tuple(fc.nat(size - 1), stance), { maxLength: 30 })),
        ),
        ([initial, changes]) => {
          // Changes reach screens in batches, tied to no one; each moment of the sequence is
          // seen on its own, with the viewer's own (known) stance.
          const stances = [...initial];
          const moments = [[...stances]];
          for (const [member, next] of changes) {
            stances[member] = next;
            moments.push([...stances]);
          }
          for (const moment of moments) {
            for (let viewer = 0; viewer < moment.length; viewer += 1) {
              if (someoneElseIsKnown(moment, viewer)) expect(phraseAloneTells(moment, viewer), JSON.stringify({ moment, viewer })).toBe(true);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
