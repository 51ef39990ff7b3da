import { describe, expect, it } from "vitest";
import { needsProfileStep, safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a path on this site", () => {
    expect(safeReturnPath("/invitations/abc?x=1")).toBe("/invitations/abc?x=1");
  });
  it("refuses other sites, protocol-relative and backslash tricks", () => {
    for (const value of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, undefined, "/a\nb"]) {
      expect(safeReturnPath(value)).toBe("/workshops");
    }
  });
});

describe("needsProfileStep", () => {
  it("sends a person without a name to the profile step, except from the step and the account page", () => {
    expect(needsProfileStep({ name: null, path: "/workshops" })).toBe(true);
    expect(needsProfileStep({ name: "  ", path: "/invitations/t" })).toBe(true);
    expect(needsProfileStep({ name: null, path: "/welcome?callbackUrl=%2Fworkshops" })).toBe(false);
    expect(needsProfileStep({ name: null, path: "/account" })).toBe(false);
    expect(needsProfileStep({ name: null, path: "/accounts-of-others" })).toBe(true);
  });
  it("leaves a named person alone", () => {
    expect(needsProfileStep({ name: "Amina", path: "/workshops" })).toBe(false);
  });
});
