import { afterEach, describe, expect, it } from "vitest";
import type { Server } from "socket.io";
import { registerTestDatabase } from "@/test/db";
import { flushLiveDeliveries, setRealtimeServer } from "@/lib/realtime/hub";
import { createLiveDelivery } from "@/lib/realtime/live-delivery";
import { createLesson } from "./create-lesson";
import { setStance } from "./set-stance";
import { getLesson } from "./get-lesson";
import { findLessons } from "./find-lessons";
import { settleTime, shownStance, tallyFor } from "./stance-timing";
import { lessonWorkshop } from "./testing";

const prisma = registerTestDatabase();

afterEach(async () => {
  await flushLiveDeliveries();
  setRealtimeServer(undefined);
});

describe("settleTime", () => {
  it("is the end of the clock-aligned window, the moment live delivery sends the change", async () => {
    expect(settleTime(25_000, 10_000).getTime()).toBe(30_000);
    expect(settleTime(30_000, 10_000).getTime()).toBe(40_000);
    expect(settleTime(25_000, 0).getTime()).toBe(25_000);
    // The same instant as the delivery timer of lib/realtime/live-delivery.ts.
    let firesAt = 0;
    const delivery = createLiveDelivery({ windowMs: 10_000, peopleInRoom: async () => 2, now: () => 25_000, setTimer: (_run, ms) => ((firesAt = 25_000 + ms), {}) });
    await delivery.schedule("w", "k", async () => {});
    expect(firesAt).toBe(settleTime(25_000, 10_000).getTime());
  });

  it("shows others the stance as it stood until then, and its author the stance as it is", () => {
    const pending = { kind: "DISPUTE" as const, shownKind: "ENDORSE" as const, settlesAt: new Date(30_000) };
    expect(shownStance(pending, new Date(29_999))).toBe("ENDORSE");
    expect(shownStance(pending, new Date(30_000))).toBe("DISPUTE");
    expect(tallyFor({ endorse: 3, dispute: 1 }, pending, new Date(29_999))).toEqual({ endorse: 2, dispute: 2, myStance: "DISPUTE" });
    expect(tallyFor({ endorse: 2, dispute: 2 }, pending, new Date(30_000))).toEqual({ endorse: 2, dispute: 2, myStance: "DISPUTE" });
    const withdrawn = { kind: null, shownKind: "ENDORSE" as const, settlesAt: new Date(30_000) };
    expect(tallyFor({ endorse: 1, dispute: 0 }, withdrawn, new Date(0))).toEqual({ endorse: 0, dispute: 0, myStance: null });
  });
});

describe("stance changes reach others at the window's end, over HTTP too", () => {
  it("holds endorsements, changes and withdrawals back from everyone but their author until the window ends", async () => {
    const { workshopId, author, other, organizer, themes } = await lessonWorkshop();
    const { id: lessonId } = await createLesson({ viewer: author, workshopId, input: { statement: "Consent faded.", themeIds: [themes[0].id] } });
    // A stand-in server with a day-long window: nothing is delivered or settles by itself during
    // the test. (Windows are clock-aligned: a minute-long one ended mid-test when it started in
    // the minute's last seconds on a busy machine.)
    const io = { in: () => ({ fetchSockets: async () => [] }), to: () => ({ emit: () => {} }) };
    setRealtimeServer(io as unknown as Server, { liveWindowMs: 24 * 60 * 60 * 1000 });
    const settle = () => prisma().stance.updateMany({ where: { lessonId }, data: { settlesAt: new Date(Date.now() - 1) } });
    const seenBy = async (viewer: typeof other) => (await getLesson({ viewer, workshopId, lessonId })).consensus?.consensus;

    expect(await setStance({ viewer: other, workshopId, lessonId, input: { stance: "ENDORSE" } })).toMatchObject({ myStance: "ENDORSE", consensus: { consensus: "one" } });
    expect(await seenBy(organizer)).toBe("none");
    expect((await findLessons({ viewer: organizer, workshopId })).lessons.find((lesson) => lesson.id === lessonId)?.consensus?.consensus).toBe("none");
    await settle(); // the window has ended
    expect(await seenBy(organizer)).toBe("one");

    // A change, then a withdrawal, within one window: others keep seeing the endorsement.
    expect(await setStance({ viewer: other, workshopId, lessonId, input: { stance: "DISPUTE" } })).toMatchObject({ myStance: "DISPUTE", consensus: { consensus: "questioned" } });
    expect(await setStance({ viewer: other, workshopId, lessonId, input: { stance: null } })).toMatchObject({ myStance: null, consensus: { consensus: "none" } });
    expect(await seenBy(organizer)).toBe("one");
    expect(await seenBy(other)).toBe("none");
    await settle();
    expect(await seenBy(organizer)).toBe("none");
    // The settled withdrawal leaves no row once the next stance is taken.
    await setStance({ viewer: organizer, workshopId, lessonId, input: { stance: "ENDORSE" } });
    expect(await prisma().stance.count({ where: { lessonId } })).toBe(1);
  });
});
