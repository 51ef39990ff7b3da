import { describe, expect, it } from "vitest";
import { detectGuardWarnings, guardFingerprint } from "./detect";
import { contributions, inputs, largeNoteBlocks } from "./testing";

describe("detectGuardWarnings", () => {
  it("gives each warning's place in its block and a fingerprint of its kind and folded words", () => {
    const warnings = detectGuardWarnings(["Intro.", "As SURNAME7 said, my delegation agreed; SURNAMÉ7 again."], inputs());
    expect(warnings.map(({ kind, excerpt, blockIndex, from, to }) => ({ kind, excerpt, blockIndex, from, to }))).toEqual([
      { kind: "roster", excerpt: "SURNAME7", blockIndex: 1, from: 3, to: 11 },
      { kind: "phrase", excerpt: "my delegation", blockIndex: 1, from: 18, to: 31 },
      { kind: "roster", excerpt: "SURNAMÉ7", blockIndex: 1, from: 40, to: 48 },
    ]);
    // The same words, whatever their accents and case, and wherever they are: one fingerprint.
    expect(warnings[0]!.fingerprint).toBe(warnings[2]!.fingerprint);
    expect(warnings[0]!.fingerprint).toBe(guardFingerprint("roster", "Surnamé7"));
    expect(guardFingerprint("phrase", "Surnamé7")).not.toBe(warnings[0]!.fingerprint);
  });

  it("finds every name and the one copied contribution in a 50,000-character note with 100 members (timed in bench/note-guard.bench.ts)", () => {
    const blocks = largeNoteBlocks(contributions[5]!);
    expect(blocks.join("").length).toBeGreaterThan(50_000);
    const warnings = detectGuardWarnings(blocks, inputs());
    expect(warnings.filter((w) => w.kind === "verbatim")).toHaveLength(1);
    expect(warnings.filter((w) => w.kind === "roster")).toHaveLength(16);
  });
});
