import { describe, expect, it } from "vitest";
import { createLiveDelivery, IMMEDIATE_FROM_PEOPLE } from "./live-delivery";

/** A clock and timers the test moves by hand. */
function fakeTime(start: number) {
  let time = start;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => time,
    setTimer: (run: () => void, ms: number) => {
      timers.push({ at: time + ms, run });
      return {};
    },
    async advanceTo(at: number) {
      time = at;
      for (const timer of timers.filter((candidate) => candidate.at <= at)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe("live delivery", () => {
  it("delivers at once when everyone sees at least three others", async () => {
    const delivered: string[] = [];
    const clock = fakeTime(1_000);
    const live = createLiveDelivery({ peopleInRoom: async () => IMMEDIATE_FROM_PEOPLE, ...clock });
    await live.schedule("w", "a", async () => void delivered.push("a"));
    expect(delivered).toEqual(["a"]);
  });

  it("holds changes in a small room until the end of the clock-aligned window, once per item", async () => {
    const delivered: string[] = [];
    const clock = fakeTime(123_400);
    const live = createLiveDelivery({ peopleInRoom: async () => 2, windowMs: 10_000, ...clock });
    await live.schedule("w", "annotation:1", async () => void delivered.push("1 first"));
    await live.schedule("w", "annotation:2", async () => void delivered.push("2"));
    await live.schedule("w", "annotation:1", async () => void delivered.push("1 latest"));
    await live.schedule("other", "annotation:9", async () => void delivered.push("9"));
    await clock.advanceTo(129_999);
    expect(delivered).toEqual([]);
    await clock.advanceTo(130_000);
    // The window ends on the clock's 10-second mark, whatever the time of the change.
    expect(delivered.filter((item) => item !== "9")).toEqual(["2", "1 latest"]);
    expect(delivered).toContain("9");
    await live.schedule("w", "annotation:3", async () => void delivered.push("3"));
    await clock.advanceTo(139_999);
    expect(delivered).toHaveLength(3);
    await clock.advanceTo(140_000);
    expect(delivered.at(-1)).toBe("3");
  });

  it("keeps batching until the window ends even if the room grows meanwhile, and a failed delivery does not stop the others", async () => {
    const delivered: string[] = [];
    let people = 2;
    const clock = fakeTime(0);
    const live = createLiveDelivery({ peopleInRoom: async () => people, windowMs: 10_000, ...clock });
    await live.schedule("w", "a", async () => {
      throw new Error("gone");
    });
    people = 10;
    await live.schedule("w", "b", async () => void delivered.push("b"));
    expect(delivered).toEqual([]);
    await live.flushAll();
    expect(delivered).toEqual(["b"]);
  });

  it("holds changes marked `always` until the end of the clock-aligned window even in a large room, several changes as one", async () => {
    const delivered: string[] = [];
    const clock = fakeTime(41_500);
    const live = createLiveDelivery({ peopleInRoom: async () => 50, windowMs: 10_000, ...clock });
    await live.schedule("w", "lesson:1", async () => void delivered.push("1 first"), { always: true });
    await live.schedule("w", "lesson:1", async () => void delivered.push("1 latest"), { always: true });
    await live.schedule("w", "lesson:2", async () => void delivered.push("2"), { always: true });
    await clock.advanceTo(49_999);
    expect(delivered).toEqual([]);
    await clock.advanceTo(50_000);
    expect(delivered).toEqual(["1 latest", "2"]);
    // Without the option, the same large room gets changes at once.
    await live.schedule("w", "annotation:3", async () => void delivered.push("3"));
    expect(delivered.at(-1)).toBe("3");
  });
});
