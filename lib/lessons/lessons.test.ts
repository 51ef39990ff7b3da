import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createPassage, createSource, createTheme } from "@/test/factories";
import { createLesson } from "./create-lesson";
import { updateLesson } from "./update-lesson";
import { deleteLesson } from "./delete-lesson";
import { getLesson } from "./get-lesson";
import { findLessons } from "./find-lessons";
import { setLessonHidden } from "./set-lesson-hidden";
import { lessonWorkshop } from "./testing";

const prisma = registerTestDatabase();

describe("writing lessons", () => {
  it("writes a lesson with themes and evidence by passage and by selection, presented without its author", async () => {
    const { workshopId, author, other, source, themes } = await lessonWorkshop();
    const passage = await createPassage(source, 0, 7);
    const lesson = await createLesson({
      viewer: author,
      workshopId,
      input: {
        statement: "  Consent faded over time.  ",
        elaboration: "Host consent was assumed, not renewed.",
        themeIds: [themes[1].id, themes[0].id],
        evidence: [
          { passageId: passage.id, note: "The opening" },
          { sourceId: source.id, start: 49, end: 72, revision: 1 },
          { passageId: passage.id, note: "Cited twice, counted once" },
        ],
      },
    });
    expect(lesson).toMatchObject({
      statement: "Consent faded over time.",
      elaboration: "Host consent was assumed, not renewed.",
      themeIds: [themes[0].id, themes[1].id].sort(),
      strength: { passages: 2, sources: 1 },
      mine: true,
      isHidden: false,
      isEdited: false,
      myStance: null,
      consensus: { consensus: "none" },
    });
    expect(lesson.evidence.map((item) => [item.passage.start, item.note, item.source.title])).toEqual([
      [0, "The opening", "Field report"],
      [49, "", "Field report"],
    ]);
    const json = JSON.stringify(lesson);
    expect(json).not.toContain(author.id);
    expect(json).not.toContain("Author Canary");
    expect(json).not.toContain("ownerTag");
    expect(await getLesson({ viewer: other, workshopId, lessonId: lesson.id })).toMatchObject({ id: lesson.id, mine: false });
  });

  it("refuses empty or oversized statements, no theme, too much evidence, with messages in both languages", async () => {
    const { workshopId, author, themes } = await lessonWorkshop();
    const themeIds = [themes[0].id];
    await expectAppError(createLesson({ viewer: author, workshopId, input: { statement: "   ", themeIds } }), "BAD_REQUEST", "fields.statementRequired");
    await expectAppError(createLesson({ viewer: author, workshopId, input: { statement: "x".repeat(401), themeIds } }), "BAD_REQUEST", "fields.statementTooLong");
    await expectAppError(createLesson({ viewer: author, workshopId, input: { statement: "Fine", elaboration: "x".repeat(5001), themeIds } }), "BAD_REQUEST", "fields.elaborationTooLong");
    await expectAppError(createLesson({ viewer: author, workshopId, input: { statement: "Fine", themeIds: [] } }), "BAD_REQUEST", "fields.lessonThemeRequired");
    const many = Array.from({ length: 51 }, () => ({ passageId: "p1" }));
    await expectAppError(createLesson({ viewer: author, workshopId, input: { statement: "Fine", themeIds, evidence: many } }), "BAD_REQUEST", "fields.tooMuchEvidence");
    await expectAppError(
      createLesson({ viewer: author, workshopId, input: { statement: "Fine", themeIds, evidence: [{ passageId: "p1", note: "x".repeat(1001) }] } }),
      "BAD_REQUEST",
      "fields.evidenceNoteTooLong",
    );
    await expectAppError(
      createLesson({ viewer: author, workshopId, input: { statement: "Fine", themeIds, evidence: [{ quote: "no passage" } as unknown as { passageId: string }] } }),
      "BAD_REQUEST",
      "fields.evidenceInvalid",
    );
    expect(await createLesson({ viewer: author, workshopId, input: { statement: "x".repeat(400), themeIds } })).toMatchObject({ mine: true });
    expect(await prisma().lesson.count({ where: { workshopId } })).toBe(1);
  });

  it("refuses evidence or themes of another workshop as not found, and an orphaned passage with a clear 422", async () => {
    const { workshopId, elsewhereId, author, themes } = await lessonWorkshop();
    const foreignSource = await createSource(elsewhereId, { text: "Another workshop's text." });
    const foreignPassage = await createPassage(foreignSource, 0, 7);
    const foreignTheme = await createTheme(elsewhereId, "Foreign");
    const themeIds = [themes[0].id];
    await expectAppError(createLesson({ viewer: author, workshopId, input: { statement: "S", themeIds, evidence: [{ passageId: foreignPassage.id }] } }), "NOT_FOUND", "notFound");
    await expectAppError(createLesson({ viewer: author, workshopId, input: { statement: "S", themeIds, evidence: [{ sourceId: foreignSource.id, start: 0, end: 7 }] } }), "NOT_FOUND", "notFound");
    await expectAppError(createLesson({ viewer: author, workshopId, input: { statement: "S", themeIds: [foreignTheme.id] } }), "BAD_REQUEST", "fields.themeUnknown");

    const source = await prisma().source.findFirstOrThrow({ where: { workshopId } });
    const orphan = await createPassage(source, 0, 7);
    await prisma().passage.update({ where: { id: orphan.id }, data: { state: "ORPHANED", start: null, end: null } });
    await expectAppError(createLesson({ viewer: author, workshopId, input: { statement: "S", themeIds, evidence: [{ passageId: orphan.id }] } }), "UNPROCESSABLE", "evidenceOrphaned");
    expect(await prisma().lesson.count({ where: { workshopId } })).toBe(0);
  });

  it("lets only the author edit and delete; others are told 'not found'; observers cannot write", async () => {
    const { workshopId, author, other, organizer, observer, outsider, source, themes } = await lessonWorkshop();
    const lesson = await createLesson({ viewer: author, workshopId, input: { statement: "Partners came late.", themeIds: [themes[0].id] } });
    for (const viewer of [other, organizer]) {
      await expectAppError(updateLesson({ viewer, workshopId, lessonId: lesson.id, input: { statement: "Hijacked" } }), "NOT_FOUND");
      await expectAppError(deleteLesson({ viewer, workshopId, lessonId: lesson.id }), "NOT_FOUND");
    }
    await expectAppError(updateLesson({ viewer: outsider, workshopId, lessonId: lesson.id, input: { statement: "Hijacked" } }), "NOT_FOUND");
    await expectAppError(createLesson({ viewer: observer, workshopId, input: { statement: "Watching", themeIds: [themes[0].id] } }), "FORBIDDEN", "forbidden");

    const unchanged = await updateLesson({ viewer: author, workshopId, lessonId: lesson.id, input: { statement: "Partners came late." } });
    expect(unchanged.isEdited).toBe(false);
    const edited = await updateLesson({
      viewer: author,
      workshopId,
      lessonId: lesson.id,
      input: { elaboration: "Too late to matter.", themeIds: [themes[1].id], evidence: [{ sourceId: source.id, start: 49, end: 72, note: "Here" }] },
    });
    expect(edited).toMatchObject({ statement: "Partners came late.", elaboration: "Too late to matter.", themeIds: [themes[1].id], isEdited: true, strength: { passages: 1, sources: 1 } });
    const cleared = await updateLesson({ viewer: author, workshopId, lessonId: lesson.id, input: { evidence: [] } });
    expect(cleared.evidence).toEqual([]);

    for (const malformed of ["x\u0000y", "a".repeat(100), "bad id"]) {
      await expectAppError(getLesson({ viewer: author, workshopId, lessonId: malformed }), "NOT_FOUND");
      await expectAppError(updateLesson({ viewer: author, workshopId, lessonId: malformed, input: { statement: "x" } }), "NOT_FOUND");
    }
    await expectAppError(updateLesson({ viewer: author, workshopId, lessonId: lesson.id, input: { statement: "a\u0000b" } }), "BAD_REQUEST", "fields.nulCharacter");
    await deleteLesson({ viewer: author, workshopId, lessonId: lesson.id });
    await expectAppError(getLesson({ viewer: author, workshopId, lessonId: lesson.id }), "NOT_FOUND");
  });

  it("lets organizers hide a lesson without learning its author: it stays for the author and organizers only", async () => {
    const { workshopId, author, other, organizer, rapporteur, themes } = await lessonWorkshop();
    const lesson = await createLesson({ viewer: author, workshopId, input: { statement: "Off topic.", themeIds: [themes[0].id] } });
    const hidden = await setLessonHidden({ viewer: organizer, workshopId, lessonId: lesson.id, input: { hidden: true } });
    expect(hidden).toMatchObject({ isHidden: true, mine: false });
    expect(JSON.stringify(hidden)).not.toContain(author.id);
    expect(JSON.stringify(hidden)).not.toContain("Author Canary");

    const ids = async (viewer: typeof author) => (await findLessons({ viewer, workshopId })).lessons.map((item) => item.id);
    expect(await ids(other)).not.toContain(lesson.id);
    expect(await ids(rapporteur)).not.toContain(lesson.id);
    expect(await ids(author)).toContain(lesson.id);
    expect(await ids(organizer)).toContain(lesson.id);
    await expectAppError(getLesson({ viewer: other, workshopId, lessonId: lesson.id }), "NOT_FOUND");
    await expectAppError(setLessonHidden({ viewer: rapporteur, workshopId, lessonId: lesson.id, input: { hidden: false } }), "FORBIDDEN");
    await expectAppError(setLessonHidden({ viewer: author, workshopId, lessonId: lesson.id, input: { hidden: false } }), "FORBIDDEN");

    await setLessonHidden({ viewer: organizer, workshopId, lessonId: lesson.id, input: { hidden: false } });
    expect(await ids(other)).toContain(lesson.id);
  });
});

describe("the board", () => {
  it("orders lessons by the codebook's order of their first theme, then agreement, then statement, never by creation", async () => {
    const { workshopId, author, other, themes } = await lessonWorkshop();
    const [consent, partners] = themes;
    const write = (statement: string, themeIds: string[]) => createLesson({ viewer: author, workshopId, input: { statement, themeIds } });
    const b = await write("B under partnerships", [partners.id]);
    const z = await write("Z under consent", [consent.id]);
    const a = await write("A under both", [partners.id, consent.id]);
    const board = await findLessons({ viewer: other, workshopId });
    expect(board.lessons.map((lesson) => lesson.id)).toEqual([a.id, z.id, b.id]);
    expect(board).toMatchObject({ held: false, notices: [], thresholds: { fewMax: 3 } });

    // Moving a theme to the front of the codebook moves its lessons.
    await prisma().theme.update({ where: { id: consent.id }, data: { position: 5 } });
    expect((await findLessons({ viewer: other, workshopId })).lessons.map((lesson) => lesson.id)).toEqual([a.id, b.id, z.id]);
  });
});
