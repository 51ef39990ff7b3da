import { describe, expect, it } from "vitest";
import { canChangeStatus, nextStatuses } from "./status-transitions";

describe("workshop status transitions", () => {
  it("lets open and closed go back and forth, and makes archiving final", () => {
    expect(nextStatuses("OPEN")).toEqual(["CLOSED", "ARCHIVED"]);
    expect(nextStatuses("CLOSED")).toEqual(["OPEN", "ARCHIVED"]);
    expect(nextStatuses("ARCHIVED")).toEqual([]);
    expect(canChangeStatus("ARCHIVED", "OPEN")).toBe(false);
    expect(canChangeStatus("ARCHIVED", "ARCHIVED")).toBe(true);
    expect(canChangeStatus("CLOSED", "OPEN")).toBe(true);
  });
});
