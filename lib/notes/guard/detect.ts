/**
 * The three detectors over the note's text blocks, as warnings (before presenting). Runs on the
 * server only: the roster is in the inputs.
 */
import { createHash } from "node:crypto";
import { foldText, originalRange, wordsOf } from "./normalize";
import { findPhraseMatches } from "./phrases";
import { findRosterMatches, resolveOverlaps, type RosterField, type RosterMatcher } from "./roster";
import type { GuardWarning, GuardWarningKind } from "./types";
import { findVerbatimRuns, type ShingleIndex } from "./verbatim";

export interface GuardInputs {
  roster: RosterMatcher;
  contributions: ShingleIndex;
  /** Contribution shingles that may be copied (lesson statements, source texts): built on demand. */
  allowedShingles: () => Set<number>;
}

/** A warning before presenting: where, what, and (roster matches) which members and fields. */
export interface DetectedWarning extends Omit<GuardWarning, "detail" | "dismissedReason"> {
  /** Never leaves the server as such: see present.ts. */
  members?: { displayName: string; field: RosterField }[];
}

/** Hash of the kind and the folded excerpt: the same words flagged anywhere share it. */
export function guardFingerprint(kind: GuardWarningKind, excerpt: string): string {
  const folded = foldText(excerpt).lower.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(`${kind}\u0000${folded}`).digest("hex").slice(0, 32);
}

/** Every warning in the blocks, in document order. */
export function detectGuardWarnings(blocks: readonly string[], inputs: GuardInputs): DetectedWarning[] {
  const warnings: DetectedWarning[] = [];
  blocks.forEach((block, blockIndex) => {
    if (!/[\p{L}\p{N}]/u.test(block)) return;
    const folded = foldText(block);
    const words = wordsOf(folded.lower);
    const found: DetectedWarning[] = [];
    const add = (kind: GuardWarningKind, from: number, to: number, members?: DetectedWarning["members"]) => {
      const range = originalRange(folded, from, to);
      const excerpt = block.slice(range.from, range.to);
      found.push({ fingerprint: guardFingerprint(kind, excerpt), kind, excerpt, blockIndex, ...range, ...(members ? { members } : {}) });
    };
    for (const match of findRosterMatches(inputs.roster, folded.lower, words)) {
      const members = match.terms.map((term) => ({ displayName: inputs.roster.members[term.member]!.displayName, field: term.field }));
      add("roster", match.from, match.to, members);
    }
    // One phrase warning per stretch of text (two patterns may see the same words).
    for (const match of resolveOverlaps(findPhraseMatches(folded))) add("phrase", match.from, match.to);
    for (const run of findVerbatimRuns(inputs.contributions, words, inputs.allowedShingles)) add("verbatim", run.from, run.to);
    found.sort((a, b) => a.from - b.from || a.to - b.to);
    warnings.push(...found);
  });
  return warnings;
}
