import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createLessonRow, createMember, createTheme, createWorkshop, viewerOf } from "@/test/factories";
import { expectAppError } from "@/test/expect-app-error";
import { findSimilarLessons } from "./find-similar-lessons";
import { setStance } from "./set-stance";

const prisma = registerTestDatabase();

type Viewer = ReturnType<typeof viewerOf>;
let workshopId: string;
let author: Viewer;
let reader: Viewer;
let outsider: Viewer;
const ids: Record<string, string> = {};

const STATEMENTS = {
  drones: "Restrictions on freedom of movement, drones above all, kept the mission from protecting civilians.",
  mismatch: "From the start, the government expected more than the mission was built to deliver.",
  council: "A divided Security Council emboldened the host state to question the mandate.",
  hidden: "Restrictions on drones were the main obstacle to protecting civilians.",
  merged: "Drone restrictions kept the mission from protecting civilians.",
};

beforeAll(async () => {
  workshopId = (await createWorkshop()).id;
  const theme = await createTheme(workshopId);
  author = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
  reader = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
  await createMember(workshopId, "PARTICIPANT");
  for (const [key, statement] of Object.entries(STATEMENTS)) ids[key] = (await createLessonRow(workshopId, author.id, [theme.id], statement)).id;
  await prisma().lesson.update({ where: { id: ids.hidden }, data: { hiddenAt: new Date() } });
  await prisma().lesson.update({ where: { id: ids.merged }, data: { mergedIntoId: ids.drones, mergedAt: new Date() } });
  // Another workshop's lesson with the same words is never suggested here.
  const elsewhere = await createWorkshop();
  outsider = viewerOf((await createMember(elsewhere.id, "PARTICIPANT")).user);
  await createLessonRow(elsewhere.id, outsider.id, [(await createTheme(elsewhere.id)).id], STATEMENTS.drones);
});

describe("findSimilarLessons", () => {
  it("suggests the lesson a few typed words belong to, first", async () => {
    const { lessons } = await findSimilarLessons({ viewer: reader, workshopId, query: "restrictions on drones" });
    expect(lessons[0]).toMatchObject({ id: ids.drones, statement: STATEMENTS.drones, myStance: null });
    expect(lessons[0]!.score).toBeGreaterThan(0.3);
  });

  it("suggests a reworded sentence, and nothing for unrelated words or a draft under three characters", async () => {
    const reworded = await findSimilarLessons({ viewer: reader, workshopId, query: "The Security Council was divided, which emboldened the host state" });
    expect(reworded.lessons.map((lesson) => lesson.id)).toEqual([ids.council]);
    expect((await findSimilarLessons({ viewer: reader, workshopId, query: "cartography of volcanoes" })).lessons).toEqual([]);
    expect((await findSimilarLessons({ viewer: reader, workshopId, query: "re" })).lessons).toEqual([]);
  });

  it("leaves out hidden and merged lessons, other workshops' and the one being edited", async () => {
    const all = await findSimilarLessons({ viewer: reader, workshopId, query: "drones protecting civilians" });
    const found = all.lessons.map((lesson) => lesson.id);
    expect(found).toContain(ids.drones);
    expect(found).not.toContain(ids.hidden);
    expect(found).not.toContain(ids.merged);
    expect(found.every((id) => Object.values(ids).includes(id))).toBe(true);
    const editing = await findSimilarLessons({ viewer: reader, workshopId, query: "drones protecting civilians", excludeLessonId: ids.drones });
    expect(editing.lessons.map((lesson) => lesson.id)).not.toContain(ids.drones);
  });

  it("sees lessons written, hidden and deleted since the last suggestion (the in-memory index follows the database)", async () => {
    const query = "penholder relations weighed";
    expect((await findSimilarLessons({ viewer: reader, workshopId, query })).lessons).toEqual([]);
    const theme = await prisma().theme.findFirstOrThrow({ where: { workshopId } });
    const added = await createLessonRow(workshopId, author.id, [theme.id], "The penholder's relations with the host government weighed on the mission.");
    expect((await findSimilarLessons({ viewer: reader, workshopId, query })).lessons.map((lesson) => lesson.id)).toEqual([added.id]);
    await prisma().lesson.update({ where: { id: added.id }, data: { hiddenAt: new Date() } });
    expect((await findSimilarLessons({ viewer: reader, workshopId, query })).lessons).toEqual([]);
    await prisma().lesson.update({ where: { id: added.id }, data: { hiddenAt: null } });
    expect((await findSimilarLessons({ viewer: reader, workshopId, query })).lessons).toHaveLength(1);
    await prisma().lesson.delete({ where: { id: added.id } });
    expect((await findSimilarLessons({ viewer: reader, workshopId, query })).lessons).toEqual([]);
  });

  it("gives each suggestion its phrase and the viewer's own stance, never counts that single someone out", async () => {
    await setStance({ viewer: reader, workshopId, lessonId: ids.council, input: { stance: "ENDORSE" } });
    const mine = await findSimilarLessons({ viewer: reader, workshopId, query: "divided Security Council" });
    expect(mine.lessons[0]).toMatchObject({ id: ids.council, myStance: "ENDORSE", consensus: { consensus: "one", counts: null } });
    const theirs = await findSimilarLessons({ viewer: author, workshopId, query: "divided Security Council" });
    expect(theirs.lessons[0]).toMatchObject({ id: ids.council, myStance: null, consensus: { consensus: "one", counts: null } });
    expect(JSON.stringify(theirs)).not.toMatch(/ownerTag|author/);
  });

  it("answers outsiders as if the workshop did not exist, and refuses a malformed exclusion", async () => {
    await expectAppError(findSimilarLessons({ viewer: outsider, workshopId, query: "drones" }), "NOT_FOUND");
    await expectAppError(findSimilarLessons({ viewer: reader, workshopId, query: "drones", excludeLessonId: "not an id!" }), "BAD_REQUEST");
  });
});
