import { describe, expect, it } from "vitest";
import { coarsenTime, relativeDay } from "./coarse-time";

describe("coarsenTime", () => {
  it("keeps only the UTC day and a six-hour part of it", () => {
    expect(coarsenTime(new Date("2024-06-13T05:59:59Z"))).toEqual({ day: "2024-06-13", partOfDay: "night" });
    expect(coarsenTime(new Date("2024-06-13T06:00:00Z"))).toEqual({ day: "2024-06-13", partOfDay: "morning" });
    expect(coarsenTime(new Date("2024-06-13T14:31:07.123Z"))).toEqual({ day: "2024-06-13", partOfDay: "afternoon" });
    expect(coarsenTime(new Date("2024-06-13T23:00:00Z"))).toEqual({ day: "2024-06-13", partOfDay: "evening" });
  });

  it("gives two contributions made minutes apart the same value", () => {
    expect(coarsenTime(new Date("2024-06-13T09:02:00Z"))).toEqual(coarsenTime(new Date("2024-06-13T11:58:00Z")));
  });
});

describe("relativeDay", () => {
  const now = new Date("2024-06-14T10:00:00Z");
  it("says today, yesterday or earlier", () => {
    expect(relativeDay({ day: "2024-06-14", partOfDay: "morning" }, now)).toBe("today");
    expect(relativeDay({ day: "2024-06-13", partOfDay: "evening" }, now)).toBe("yesterday");
    expect(relativeDay({ day: "2024-06-01", partOfDay: "night" }, now)).toBe("earlier");
  });
});
