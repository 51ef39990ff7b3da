import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "socket.io";
import { registerTestDatabase } from "@/test/db";
import { createMember, viewerOf } from "@/test/factories";
import { flushLiveDeliveries, setRealtimeServer } from "@/lib/realtime/hub";
import { createLesson } from "./create-lesson";
import { setStance } from "./set-stance";
import { setLessonHidden } from "./set-lesson-hidden";
import { mergeLessons } from "./merge-lessons";
import { revealStances } from "./reveal-stances";
import { lessonWorkshop } from "./testing";

const prisma = registerTestDatabase();

type Frame = { to: string; event: string; payload: Record<string, unknown> };

/** A stand-in socket.io server whose room holds one socket per given person; records every frame. */
function fakeServer(userIds: string[]) {
  const frames: Frame[] = [];
  const sockets = userIds.map((userId) => ({ data: { userId }, emit: (event: string, payload: Record<string, unknown>) => frames.push({ to: userId, event, payload }) }));
  const io = {
    in: () => ({ fetchSockets: async () => sockets }),
    to: (room: string) => ({ emit: (event: string, payload: Record<string, unknown>) => frames.push({ to: room, event, payload }) }),
  };
  // A day-long window: nothing goes out by itself during the test (windows are clock-aligned, so
  // a minute-long one could end mid-test).
  setRealtimeServer(io as unknown as Server, { liveWindowMs: 24 * 60 * 60 * 1000 });
  return frames;
}

let fixture: Awaited<ReturnType<typeof lessonWorkshop>>;
let room: string[];

beforeAll(async () => {
  fixture = await lessonWorkshop();
  const extra = await createMember(fixture.workshopId, "PARTICIPANT");
  // Six people: a "large" room, where other changes go out at once.
  room = [fixture.organizer, fixture.rapporteur, fixture.author, fixture.other, fixture.observer, viewerOf(extra.user)].map((viewer) => viewer.id);
});

afterEach(async () => {
  await flushLiveDeliveries();
  setRealtimeServer(undefined);
});

const write = (statement: string) => createLesson({ viewer: fixture.author, workshopId: fixture.workshopId, input: { statement, themeIds: [fixture.themes[0].id] } });

describe("live lessons", () => {
  it("sends a new lesson at once in a large room, presented per person (mine for its author only), never naming anyone", async () => {
    const frames = fakeServer(room);
    const lesson = await write("Sent at once.");
    expect(frames.map((frame) => frame.event)).toEqual(room.map(() => "lesson:upserted"));
    const mine = frames.map((frame) => [frame.to, (frame.payload.lesson as { mine: boolean }).mine]);
    expect(mine).toEqual(room.map((userId) => [userId, userId === fixture.author.id]));
    const json = JSON.stringify(frames.map((frame) => frame.payload));
    for (const userId of room) expect(json).not.toContain(userId);
    expect(json).not.toContain("ownerTag");
    expect(json).not.toContain("Author Canary");
    expect(frames.every((frame) => (frame.payload.lesson as { id: string }).id === lesson.id)).toBe(true);
  });

  it("holds stance changes for the end of the clock-aligned window even in a large room, several as one", async () => {
    const lesson = await write("Stances held back.");
    const frames = fakeServer(room);
    await setStance({ viewer: fixture.other, workshopId: fixture.workshopId, lessonId: lesson.id, input: { stance: "ENDORSE" } });
    await setStance({ viewer: fixture.rapporteur, workshopId: fixture.workshopId, lessonId: lesson.id, input: { stance: "ENDORSE" } });
    expect(frames).toEqual([]);
    // The window ends: the timer would deliver now (flushed here, rather than waited for).
    await prisma().stance.updateMany({ where: { lessonId: lesson.id }, data: { settlesAt: new Date(Date.now() - 1) } });
    await flushLiveDeliveries();
    // One delivery per person, in the state at delivery time.
    expect(frames.map((frame) => frame.to)).toEqual(room);
    const byPerson = new Map(frames.map((frame) => [frame.to, frame.payload.lesson as { myStance: string | null; consensus: unknown }]));
    expect(byPerson.get(fixture.other.id)!.myStance).toBe("ENDORSE");
    expect(byPerson.get(fixture.organizer.id)!.myStance).toBeNull();
    expect(byPerson.get(fixture.organizer.id)!.consensus).toEqual({ consensus: "few", counts: null });
  });

  it("removes a hidden lesson for everyone but its author and the organizers, and a merged one with where it went", async () => {
    const kept = await write("Kept.");
    const duplicate = await write("Duplicate.");
    const frames = fakeServer(room);
    await setLessonHidden({ viewer: fixture.organizer, workshopId: fixture.workshopId, lessonId: duplicate.id, input: { hidden: true } });
    const events = new Map(frames.map((frame) => [frame.to, frame.event]));
    expect(events.get(fixture.organizer.id)).toBe("lesson:upserted");
    expect(events.get(fixture.author.id)).toBe("lesson:upserted");
    expect(events.get(fixture.other.id)).toBe("lesson:removed");
    expect(frames.find((frame) => frame.to === fixture.other.id)!.payload).toEqual({ workshopId: fixture.workshopId, lessonId: duplicate.id, mergedIntoId: null });

    await setLessonHidden({ viewer: fixture.organizer, workshopId: fixture.workshopId, lessonId: duplicate.id, input: { hidden: false } });
    frames.length = 0;
    await mergeLessons({ viewer: fixture.rapporteur, workshopId: fixture.workshopId, lessonId: kept.id, input: { fromLessonId: duplicate.id } });
    const removed = frames.filter((frame) => frame.event === "lesson:removed");
    expect(removed.map((frame) => frame.to)).toEqual(room);
    expect(removed.every((frame) => frame.payload.mergedIntoId === kept.id && frame.payload.lessonId === duplicate.id)).toBe(true);
    expect(frames.filter((frame) => frame.event === "lesson:upserted").map((frame) => frame.to)).toEqual(room);
  });

  it("tells open boards to refetch when stances are revealed", async () => {
    const frames = fakeServer(room);
    await revealStances({ viewer: fixture.organizer, workshopId: fixture.workshopId });
    expect(frames).toEqual([{ to: `workshop:${fixture.workshopId}`, event: "lessons:changed", payload: { workshopId: fixture.workshopId } }]);
  });
});
