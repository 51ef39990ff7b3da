import { describe, expect, it } from "vitest";
import type { DetectedWarning } from "./detect";
import { presentGuardDismissal, presentGuardWarning } from "./present";

const CANARY = "CANARY-guard-5e1f";
const warning = {
  fingerprint: "f".repeat(32),
  kind: "roster",
  excerpt: "dubois",
  blockIndex: 2,
  from: 4,
  to: 10,
  members: [{ displayName: "Hélène Dubois", field: "name" }, { displayName: "Hélène Dubois", field: "email" }],
  userId: CANARY,
  email: CANARY,
} as DetectedWarning;

describe("presentGuardWarning", () => {
  it("gives anyone but organizers and rapporteurs the words and their place only", () => {
    const presented = presentGuardWarning(warning, { isDetailed: false });
    expect(presented).toEqual({ fingerprint: "f".repeat(32), kind: "roster", excerpt: "dubois", blockIndex: 2, from: 4, to: 10 });
    expect(JSON.stringify(presented)).not.toMatch(/Hélène|CANARY/);
  });

  it("adds the member and what matched for organizers and rapporteurs, and nothing else", () => {
    const presented = presentGuardWarning(warning, { isDetailed: true, dismissedReason: "Public figure" });
    expect(presented.detail).toEqual({ fields: ["name", "email"], members: ["Hélène Dubois"] });
    expect(presented.dismissedReason).toBe("Public figure");
    expect(JSON.stringify(presented)).not.toContain(CANARY);
  });

  it("presents a dismissal as its fingerprint and reason", () => {
    expect(presentGuardDismissal({ fingerprint: "a".repeat(32), reason: "r", id: CANARY, noteId: CANARY } as never)).toEqual({ fingerprint: "a".repeat(32), reason: "r" });
  });
});
