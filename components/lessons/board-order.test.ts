import { describe, expect, it } from "vitest";
import { NO_FILTER, firstOfGroups, orderBoard } from "./board-order";
import type { Lesson } from "./types";

const lesson = (id: string, themeIds: string[], agreement: number | null, extra: Partial<Lesson> = {}): Lesson => ({
  id,
  statement: `Statement ${id}`,
  elaboration: "",
  themeIds,
  evidence: [],
  strength: { passages: 0, sources: 0 },
  consensus: null,
  agreement,
  myStance: null,
  mine: false,
  isHidden: false,
  isEdited: false,
  inNote: false,
  when: { day: "2026-01-01", partOfDay: "morning" },
  ...extra,
});

const ids = (groups: ReturnType<typeof orderBoard>) => groups.map((group) => [group.themeId, group.lessons.map((item) => item.id)]);

describe("orderBoard", () => {
  const order = ["t1", "t2", "t3"];

  it("groups by first theme in codebook order, then agreement, then statement; unknown themes last", () => {
    const lessons = [lesson("d", ["t3", "t2"], 0.5), lesson("a", ["t1"], 0.2), lesson("c", ["t2"], 0.6), lesson("b", ["t1"], 0.2), lesson("x", ["gone"], 1)];
    expect(ids(orderBoard(lessons, order, NO_FILTER, "en"))).toEqual([
      ["t1", ["a", "b"]],
      ["t2", ["c", "d"]],
      ["", ["x"]],
    ]);
  });

  it("lists lessons under the filtered theme, and filters by class, mine and missing evidence", () => {
    const lessons = [
      lesson("a", ["t1", "t2"], 0.1, { mine: true }),
      lesson("b", ["t2"], 0.3, { strength: { passages: 2, sources: 1 }, consensus: { consensus: "few", counts: null } }),
    ];
    expect(ids(orderBoard(lessons, order, { ...NO_FILTER, themeId: "t2" }, "en"))).toEqual([["t2", ["b", "a"]]]);
    expect(ids(orderBoard(lessons, order, { ...NO_FILTER, isMine: true }, "en"))).toEqual([["t1", ["a"]]]);
    expect(ids(orderBoard(lessons, order, { ...NO_FILTER, hasNoEvidence: true }, "en"))).toEqual([["t1", ["a"]]]);
    expect(ids(orderBoard(lessons, order, { ...NO_FILTER, consensus: "few" }, "en"))).toEqual([["t2", ["b"]]]);
  });

  it("cuts the ordered groups after a number of lessons", () => {
    const groups = orderBoard([lesson("a", ["t1"], 0), lesson("b", ["t1"], 0), lesson("c", ["t2"], 0)], order, NO_FILTER, "en");
    expect(ids(firstOfGroups(groups, 2))).toEqual([["t1", ["a", "b"]]]);
    expect(ids(firstOfGroups(groups, 3))).toEqual([["t1", ["a", "b"]], ["t2", ["c"]]]);
  });
});
