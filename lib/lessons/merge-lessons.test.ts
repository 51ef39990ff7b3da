import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createPassage } from "@/test/factories";
import { createLesson } from "./create-lesson";
import { deleteLesson } from "./delete-lesson";
import { dismissMergeNotice } from "./dismiss-merge-notice";
import { findLessons } from "./find-lessons";
import { getLesson } from "./get-lesson";
import { mergeLessons } from "./merge-lessons";
import { setStance } from "./set-stance";
import { updateLesson } from "./update-lesson";
import { lessonWorkshop } from "./testing";

const prisma = registerTestDatabase();

async function twoLessons() {
  const fixture = await lessonWorkshop();
  const { workshopId, author, other, source, themes } = fixture;
  const shared = await createPassage(source, 0, 7);
  const own = await createPassage(source, 49, 72);
  const into = await createLesson({ viewer: author, workshopId, input: { statement: "Consent faded.", themeIds: [themes[0].id], evidence: [{ passageId: shared.id }] } });
  const from = await createLesson({
    viewer: other,
    workshopId,
    input: { statement: "Host consent eroded.", elaboration: "Dup", themeIds: [themes[1].id], evidence: [{ passageId: shared.id }, { passageId: own.id, note: "late" }] },
  });
  return { ...fixture, intoId: into.id, fromId: from.id };
}

describe("merging duplicates", () => {
  it("keeps the union of evidence and themes, counts each member once, and withdraws conflicting stances with a notice to that member only", async () => {
    const { workshopId, intoId, fromId, rapporteur, organizer, author, other, themes } = await twoLessons();
    // organizer: endorses both (counted once); author: endorses only the duplicate (kept);
    // other: endorses one and disputes the other (withdrawn, told); rapporteur: no stance.
    await setStance({ viewer: organizer, workshopId, lessonId: intoId, input: { stance: "ENDORSE" } });
    await setStance({ viewer: organizer, workshopId, lessonId: fromId, input: { stance: "ENDORSE" } });
    await setStance({ viewer: author, workshopId, lessonId: fromId, input: { stance: "ENDORSE" } });
    await setStance({ viewer: other, workshopId, lessonId: intoId, input: { stance: "ENDORSE" } });
    await setStance({ viewer: other, workshopId, lessonId: fromId, input: { stance: "DISPUTE" } });

    const merged = await mergeLessons({ viewer: rapporteur, workshopId, lessonId: intoId, input: { fromLessonId: fromId } });
    expect(merged).toMatchObject({ id: intoId, statement: "Consent faded.", themeIds: [themes[0].id, themes[1].id].sort(), strength: { passages: 2, sources: 1 } });
    expect(merged.evidence.map((item) => item.note)).toEqual(["", "late"]);
    expect(await prisma().stance.findMany({ where: { lessonId: fromId } })).toEqual([]);
    const stances = await prisma().stance.findMany({ where: { lessonId: intoId } });
    expect(stances.map((stance) => stance.kind).sort()).toEqual(["ENDORSE", "ENDORSE"]);
    expect((await getLesson({ viewer: author, workshopId, lessonId: intoId })).myStance).toBe("ENDORSE");
    expect((await getLesson({ viewer: organizer, workshopId, lessonId: intoId })).myStance).toBe("ENDORSE");
    expect((await getLesson({ viewer: other, workshopId, lessonId: intoId })).myStance).toBeNull();

    // The duplicate is gone from the board; requests on it say where it went.
    const board = await findLessons({ viewer: other, workshopId });
    expect(board.lessons.map((lesson) => lesson.id)).toEqual([intoId]);
    expect(board.notices).toEqual([{ lessonId: intoId }]);
    for (const viewer of [organizer, author, rapporteur]) expect((await findLessons({ viewer, workshopId })).notices).toEqual([]);
    await expectAppError(getLesson({ viewer: other, workshopId, lessonId: fromId }), "CONFLICT", "lessonMerged");
    await expectAppError(setStance({ viewer: author, workshopId, lessonId: fromId, input: { stance: "DISPUTE" } }), "CONFLICT", "lessonMerged");
    await expectAppError(updateLesson({ viewer: other, workshopId, lessonId: fromId, input: { statement: "Again" } }), "CONFLICT", "lessonMerged");
    const error = await setStance({ viewer: author, workshopId, lessonId: fromId, input: { stance: "DISPUTE" } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ details: { mergedIntoId: intoId } });

    // Dismissed by hand, or by taking a stance again.
    await dismissMergeNotice({ viewer: other, workshopId, lessonId: intoId });
    expect((await findLessons({ viewer: other, workshopId })).notices).toEqual([]);
  });

  it("dismisses the notice when the member takes a stance again", async () => {
    const { workshopId, intoId, fromId, organizer, other } = await twoLessons();
    await setStance({ viewer: other, workshopId, lessonId: intoId, input: { stance: "DISPUTE" } });
    await setStance({ viewer: other, workshopId, lessonId: fromId, input: { stance: "ENDORSE" } });
    await mergeLessons({ viewer: organizer, workshopId, lessonId: intoId, input: { fromLessonId: fromId } });
    expect((await findLessons({ viewer: other, workshopId })).notices).toEqual([{ lessonId: intoId }]);
    await setStance({ viewer: other, workshopId, lessonId: intoId, input: { stance: "ENDORSE" } });
    expect((await findLessons({ viewer: other, workshopId })).notices).toEqual([]);
    expect(await prisma().lessonMergeNotice.count({ where: { workshopId } })).toBe(0);
  });

  it("refuses merging a lesson with itself (422), across workshops or unknown (404), twice (409), and by participants", async () => {
    const { workshopId, intoId, fromId, rapporteur, other, outsider } = await twoLessons();
    await expectAppError(mergeLessons({ viewer: rapporteur, workshopId, lessonId: intoId, input: { fromLessonId: intoId } }), "UNPROCESSABLE", "mergeSelf");
    await expectAppError(mergeLessons({ viewer: rapporteur, workshopId, lessonId: intoId, input: { fromLessonId: "unknownlesson" } }), "NOT_FOUND");
    await expectAppError(mergeLessons({ viewer: other, workshopId, lessonId: intoId, input: { fromLessonId: fromId } }), "FORBIDDEN", "forbidden");
    await expectAppError(mergeLessons({ viewer: outsider, workshopId, lessonId: intoId, input: { fromLessonId: fromId } }), "NOT_FOUND");
    await expectAppError(mergeLessons({ viewer: rapporteur, workshopId, lessonId: intoId, input: {} as { fromLessonId: string } }), "BAD_REQUEST", "fields.mergeTargetRequired");
    await expectAppError(mergeLessons({ viewer: rapporteur, workshopId, lessonId: intoId, input: { fromLessonId: "bad id!" } }), "BAD_REQUEST", "fields.idInvalid");

    await mergeLessons({ viewer: rapporteur, workshopId, lessonId: intoId, input: { fromLessonId: fromId } });
    await expectAppError(mergeLessons({ viewer: rapporteur, workshopId, lessonId: intoId, input: { fromLessonId: fromId } }), "CONFLICT", "lessonMerged");
    await expectAppError(mergeLessons({ viewer: rapporteur, workshopId, lessonId: fromId, input: { fromLessonId: intoId } }), "CONFLICT", "lessonMerged");
  });

  it("lets only one of two opposite merges of the same pair happen when they run at once", async () => {
    const { workshopId, intoId, fromId, rapporteur, organizer, other } = await twoLessons();
    await setStance({ viewer: other, workshopId, lessonId: intoId, input: { stance: "ENDORSE" } });
    await setStance({ viewer: other, workshopId, lessonId: fromId, input: { stance: "ENDORSE" } });
    const results = await Promise.allSettled([
      mergeLessons({ viewer: rapporteur, workshopId, lessonId: intoId, input: { fromLessonId: fromId } }),
      mergeLessons({ viewer: organizer, workshopId, lessonId: fromId, input: { fromLessonId: intoId } }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", messageKey: "lessonMerged" });
    const rows = await prisma().lesson.findMany({ where: { id: { in: [intoId, fromId] } } });
    expect(rows.filter((row) => row.mergedAt === null)).toHaveLength(1);
    expect(await prisma().stance.count({ where: { lessonId: { in: [intoId, fromId] } } })).toBe(1);
  });

  it("refuses a lesson of another workshop as not found, and changes nothing", async () => {
    const first = await twoLessons();
    const second = await twoLessons();
    await expectAppError(
      mergeLessons({ viewer: first.rapporteur, workshopId: first.workshopId, lessonId: first.intoId, input: { fromLessonId: second.fromId } }),
      "NOT_FOUND",
    );
    expect(await prisma().lesson.findUniqueOrThrow({ where: { id: second.fromId } })).toMatchObject({ mergedAt: null, mergedIntoId: null });
  });

  it("deleting the result removes the duplicates merged into it", async () => {
    const { workshopId, intoId, fromId, author, rapporteur } = await twoLessons();
    await mergeLessons({ viewer: rapporteur, workshopId, lessonId: intoId, input: { fromLessonId: fromId } });
    await deleteLesson({ viewer: author, workshopId, lessonId: intoId });
    expect(await prisma().lesson.count({ where: { id: { in: [intoId, fromId] } } })).toBe(0);
  });
});
