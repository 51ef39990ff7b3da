import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, viewerOf } from "@/test/factories";
import { updateWorkshop } from "@/lib/workshops/update-workshop";
import { createLesson } from "./create-lesson";
import { setStance } from "./set-stance";
import { setLessonHidden } from "./set-lesson-hidden";
import { findLessons } from "./find-lessons";
import { getLesson } from "./get-lesson";
import { revealStances } from "./reveal-stances";
import { lessonWorkshop } from "./testing";
import { getLessonSettings } from "./get-lesson-settings";
import { updateLessonSettings } from "./update-lesson-settings";

const prisma = registerTestDatabase();
/** Fifty requests at once queue on one PGlite connection or a pool of ten: slow machines need time. */
const PARALLEL_TIMEOUT_MS = 90_000;

async function withLesson() {
  const fixture = await lessonWorkshop();
  const lesson = await createLesson({ viewer: fixture.author, workshopId: fixture.workshopId, input: { statement: "Consent faded.", themeIds: [fixture.themes[0].id] } });
  return { ...fixture, lessonId: lesson.id };
}

const stanceRows = (lessonId: string) => prisma().stance.findMany({ where: { lessonId } });

describe("stances", () => {
  it("endorse, dispute, change and withdraw: one row per member, myStance for each, never who", async () => {
    const { workshopId, lessonId, author, other, organizer, rapporteur } = await withLesson();
    expect(await setStance({ viewer: other, workshopId, lessonId, input: { stance: "ENDORSE" } })).toMatchObject({ myStance: "ENDORSE", consensus: { consensus: "one", counts: null } });
    await setStance({ viewer: other, workshopId, lessonId, input: { stance: "DISPUTE" } });
    await setStance({ viewer: author, workshopId, lessonId, input: { stance: "ENDORSE" } });
    await setStance({ viewer: organizer, workshopId, lessonId, input: { stance: "ENDORSE" } });
    expect(await stanceRows(lessonId)).toHaveLength(3);
    const seen = await getLesson({ viewer: rapporteur, workshopId, lessonId });
    expect(seen).toMatchObject({ myStance: null, consensus: { consensus: "diverged" } });
    expect(await getLesson({ viewer: other, workshopId, lessonId })).toMatchObject({ myStance: "DISPUTE" });
    expect(await setStance({ viewer: other, workshopId, lessonId, input: { stance: null } })).toMatchObject({ myStance: null, consensus: { consensus: "few" } });
    expect(await stanceRows(lessonId)).toHaveLength(2);
    // Withdrawing twice is harmless.
    await setStance({ viewer: other, workshopId, lessonId, input: { stance: null } });
    expect(await stanceRows(lessonId)).toHaveLength(2);
  });

  it("refuses observers, outsiders, bad input, and hidden lessons (not found to those who cannot see them)", async () => {
    const { workshopId, lessonId, author, other, organizer, observer, outsider } = await withLesson();
    await expectAppError(setStance({ viewer: observer, workshopId, lessonId, input: { stance: "ENDORSE" } }), "FORBIDDEN", "forbidden");
    await expectAppError(setStance({ viewer: outsider, workshopId, lessonId, input: { stance: "ENDORSE" } }), "NOT_FOUND");
    await expectAppError(setStance({ viewer: other, workshopId, lessonId, input: { stance: "LOVE" as "ENDORSE" } }), "BAD_REQUEST", "fields.stanceInvalid");
    await expectAppError(setStance({ viewer: other, workshopId, lessonId: "nope", input: { stance: "ENDORSE" } }), "NOT_FOUND");
    await expectAppError(setStance({ viewer: other, workshopId, lessonId: "no\u0000pe", input: { stance: "ENDORSE" } }), "NOT_FOUND");
    await setLessonHidden({ viewer: organizer, workshopId, lessonId, input: { hidden: true } });
    await expectAppError(setStance({ viewer: other, workshopId, lessonId, input: { stance: "ENDORSE" } }), "NOT_FOUND");
    await expectAppError(setStance({ viewer: organizer, workshopId, lessonId, input: { stance: "ENDORSE" } }), "CONFLICT", "lessonHidden");
    await expectAppError(setStance({ viewer: author, workshopId, lessonId, input: { stance: "ENDORSE" } }), "CONFLICT", "lessonHidden");
    expect(await stanceRows(lessonId)).toHaveLength(0);
  });

  it("leaves exactly one row and consistent counts after 50 parallel changes by one member", async () => {
    const { workshopId, lessonId, other } = await withLesson();
    const kinds = Array.from({ length: 50 }, () => (Math.random() < 0.5 ? "ENDORSE" : "DISPUTE") as "ENDORSE" | "DISPUTE");
    const results = await Promise.all(kinds.map((stance) => setStance({ viewer: other, workshopId, lessonId, input: { stance } })));
    expect(results.every((result) => result.myStance !== null)).toBe(true);
    const rows = await stanceRows(lessonId);
    expect(rows).toHaveLength(1);
    const lesson = await getLesson({ viewer: other, workshopId, lessonId });
    expect(lesson.myStance).toBe(rows[0]!.kind);
    expect(lesson.consensus!.consensus).toBe(rows[0]!.kind === "ENDORSE" ? "one" : "questioned");

    // Mixed with withdrawals: never more than one row.
    await Promise.all(Array.from({ length: 20 }, (_, index) => setStance({ viewer: other, workshopId, lessonId, input: { stance: index % 3 === 0 ? null : "ENDORSE" } })));
    expect((await stanceRows(lessonId)).length).toBeLessThanOrEqual(1);
  }, PARALLEL_TIMEOUT_MS);

  it("counts 50 members taking stances in parallel once each", async () => {
    const { workshopId, lessonId } = await withLesson();
    const members = [];
    for (let index = 0; index < 50; index += 1) members.push(viewerOf((await createMember(workshopId, "PARTICIPANT")).user));
    await Promise.all(members.map((viewer, index) => setStance({ viewer, workshopId, lessonId, input: { stance: index < 40 ? "ENDORSE" : "DISPUTE" } })));
    expect(await stanceRows(lessonId)).toHaveLength(50);
    // 4 members from the fixture + 50 new ones may take a stance (the observer may not).
    const lesson = await getLesson({ viewer: members[0]!, workshopId, lessonId });
    expect(lesson.consensus).toEqual({ consensus: "many", counts: { endorse: 40, dispute: 10, eligible: 54 } });
    expect(lesson.agreement).toBe(0.75);
  }, PARALLEL_TIMEOUT_MS);
});

describe("holding stances until revealed", () => {
  it("shows each member only their own stance, then the phrase and counts once an organizer reveals them", async () => {
    const { workshopId, lessonId, organizer, rapporteur, author, other } = await withLesson();
    await updateWorkshop({ viewer: organizer, workshopId, input: { title: "Held", holdStances: true } });
    for (const viewer of [organizer, rapporteur, author]) await setStance({ viewer, workshopId, lessonId, input: { stance: "ENDORSE" } });
    const before = await findLessons({ viewer: other, workshopId });
    expect(before.held).toBe(true);
    expect(before.lessons[0]).toMatchObject({ id: lessonId, consensus: null, agreement: null, myStance: null });
    expect((await getLesson({ viewer: author, workshopId, lessonId })).myStance).toBe("ENDORSE");
    expect((await setStance({ viewer: other, workshopId, lessonId, input: { stance: "ENDORSE" } })).consensus).toBeNull();

    await expectAppError(revealStances({ viewer: rapporteur, workshopId }), "FORBIDDEN", "forbidden");
    await revealStances({ viewer: organizer, workshopId });
    const after = await findLessons({ viewer: other, workshopId });
    expect(after.held).toBe(false);
    // Four of the four eligible members endorse: "generally agreed", counts hidden (no one without a stance is a group of 0, endorse is 4 but one group only).
    expect(after.lessons[0]).toMatchObject({ consensus: { consensus: "general", counts: null }, myStance: "ENDORSE" });

    // Turning the hold on again holds them until the next reveal.
    await updateWorkshop({ viewer: organizer, workshopId, input: { title: "Held", holdStances: false } });
    await updateWorkshop({ viewer: organizer, workshopId, input: { title: "Held", holdStances: true } });
    expect((await findLessons({ viewer: other, workshopId })).held).toBe(true);
  });

  it("uses the workshop's thresholds, refusing thresholds out of bounds", async () => {
    const { workshopId, lessonId, organizer, rapporteur, author, other } = await withLesson();
    for (const viewer of [rapporteur, author, other]) await setStance({ viewer, workshopId, lessonId, input: { stance: "ENDORSE" } });
    // 3 of 4 eligible endorse: "generally agreed" by default (75%)…
    expect((await getLesson({ viewer: other, workshopId, lessonId })).consensus!.consensus).toBe("general");
    const thresholds = { fewMax: 2, manyShare: 0.25, generalShare: 0.8, generalMaxDisputeShare: 0.1, divergedRatio: 1 / 3 };
    await expectAppError(updateWorkshop({ viewer: organizer, workshopId, input: { title: "T", consensusThresholds: { ...thresholds, fewMax: 9 } } }), "BAD_REQUEST", "fields.thresholdOutOfBounds");
    await expectAppError(updateWorkshop({ viewer: organizer, workshopId, input: { title: "T", consensusThresholds: { ...thresholds, manyShare: 0.5, generalShare: 0.5 } } }), "BAD_REQUEST");
    await updateWorkshop({ viewer: organizer, workshopId, input: { title: "T", consensusThresholds: thresholds } });
    // …"many" when "generally agreed" needs 80%.
    const board = await findLessons({ viewer: other, workshopId });
    expect(board.thresholds).toEqual(thresholds);
    expect(board.lessons[0]!.consensus!.consensus).toBe("many");
    await updateWorkshop({ viewer: organizer, workshopId, input: { title: "T", consensusThresholds: null } });
    expect((await findLessons({ viewer: other, workshopId })).thresholds.fewMax).toBe(3);
  });

  it("are lesson settings of their own too: organizers change them, every member reads them", async () => {
    const { workshopId, lessonId, organizer, rapporteur, other } = await withLesson();
    expect(await getLessonSettings({ viewer: other, workshopId })).toMatchObject({ holdStances: false, isRevealed: false, isDefaultThresholds: true, thresholds: { fewMax: 3 } });
    await expectAppError(updateLessonSettings({ viewer: rapporteur, workshopId, input: { holdStances: true } }), "FORBIDDEN", "forbidden");
    await expectAppError(updateLessonSettings({ viewer: organizer, workshopId, input: { holdStances: "yes" as unknown as boolean } }), "BAD_REQUEST", "fields.holdStancesInvalid");
    const held = await updateLessonSettings({ viewer: organizer, workshopId, input: { holdStances: true } });
    expect(held).toMatchObject({ holdStances: true, isRevealed: false });
    await setStance({ viewer: other, workshopId, lessonId, input: { stance: "ENDORSE" } });
    expect((await getLesson({ viewer: rapporteur, workshopId, lessonId })).consensus).toBeNull();
    const thresholds = { fewMax: 4, manyShare: 0.5, generalShare: 0.9, generalMaxDisputeShare: 0, divergedRatio: 0.5 };
    expect(await updateLessonSettings({ viewer: organizer, workshopId, input: { consensusThresholds: thresholds } })).toMatchObject({ holdStances: true, thresholds, isDefaultThresholds: false });
    await updateLessonSettings({ viewer: organizer, workshopId, input: { holdStances: false } });
    expect((await getLesson({ viewer: rapporteur, workshopId, lessonId })).consensus).toEqual({ consensus: "one", counts: null });
  });
});
