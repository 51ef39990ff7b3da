import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { addMember, createLessonRow, createMember, createTheme, createUser, createWorkshop, viewerOf } from "@/test/factories";
import { compareWorkshops } from "./compare-workshops";
import { themeMatchKey } from "./theme-match-key";

const prisma = registerTestDatabase();

type Viewer = ReturnType<typeof viewerOf>;
let viewer: Viewer;
const w: Record<string, string> = {};
const past = new Date(Date.now() - 60 * 60 * 1000);

async function endorse(lessonId: string, times: number) {
  for (let index = 0; index < times; index++) {
    await prisma().stance.create({ data: { lessonId, ownerTag: crypto.randomBytes(16).toString("hex"), kind: "ENDORSE", shownKind: "ENDORSE", settlesAt: past } });
  }
}

beforeAll(async () => {
  const user = await createUser();
  viewer = viewerOf(user);
  w.first = (await createWorkshop({ title: "First roundtable" })).id;
  w.second = (await createWorkshop({ title: "Second roundtable" })).id;
  w.third = (await createWorkshop({ title: "Third roundtable" })).id;
  w.foreign = (await createWorkshop({ title: "Not theirs" })).id;
  await prisma().workshop.update({ where: { id: w.second }, data: { codebookOriginId: w.first, holdStances: true } });
  await addMember(w.first, user.id, "ORGANIZER");
  await addMember(w.second, user.id, "ORGANIZER");
  await addMember(w.third, user.id, "PARTICIPANT");
  for (let index = 0; index < 3; index++) await createMember(w.first, "PARTICIPANT");
  const author = (await createMember(w.first, "PARTICIPANT")).user;

  const mandate = await createTheme(w.first, "Mandate");
  await createTheme(w.first, "Médiation");
  await createTheme(w.first, "Logistics");
  const copied = await createTheme(w.second, "MANDATE");
  await createTheme(w.third, "  mediation ");
  await createTheme(w.third, "Unique");
  await createTheme(w.foreign, "Logistics");

  // First: one lesson generally agreed (4 of 5 eligible), one without stances, one hidden.
  await endorse((await createLessonRow(w.first, author.id, [mandate.id], "Consent faded")).id, 4);
  await createLessonRow(w.first, author.id, [mandate.id], "Partners came late");
  const hidden = await createLessonRow(w.first, author.id, [mandate.id], "Hidden lesson");
  await prisma().lesson.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
  await endorse(hidden.id, 1);
  await createLessonRow(w.second, author.id, [copied.id], "Held lesson");
});

describe("compareWorkshops", () => {
  it("folds case, accents and spacing in theme names", () => {
    expect(themeMatchKey("  Médiation ")).toBe(themeMatchKey("MEDIATION"));
    expect(themeMatchKey("Security  Council")).toBe("security council");
    expect(themeMatchKey("Mandate")).not.toBe(themeMatchKey("Mandates"));
  });

  it("lists themes recurring across the viewer's workshops, by name and along the codebook's origin", async () => {
    const { workshops, themes } = await compareWorkshops({ viewer });
    expect(workshops.map((workshop) => workshop.id)).toEqual([w.first, w.second, w.third]);
    expect(themes.map((theme) => [theme.name, theme.matchedBy, theme.workshops.map((row) => row.workshopId).sort()])).toEqual([
      ["Mandate", "origin", [w.first, w.second].sort()],
      ["Médiation", "name", [w.first, w.third].sort()],
    ]);
    const copied = themes[0]!.workshops.find((row) => row.workshopId === w.second)!;
    expect(copied).toMatchObject({ name: "MANDATE", startedFromId: w.first });
  });

  it("compares consensus by class on shown lessons, and says nothing while a workshop holds stances", async () => {
    const { themes } = await compareWorkshops({ viewer });
    const rows = themes[0]!.workshops;
    const first = rows.find((row) => row.workshopId === w.first)!;
    expect(first.lessons).toBe(2);
    expect(first.classes).toMatchObject({ general: 1, none: 1, one: 0 });
    const second = rows.find((row) => row.workshopId === w.second)!;
    expect(second).toMatchObject({ lessons: 1, classes: null });
    const mediation = themes[1]!.workshops.find((row) => row.workshopId === w.third)!;
    expect(mediation.lessons).toBe(0);
  });

  it("is empty for someone with one workshop", async () => {
    const loner = await createUser();
    await addMember(w.foreign, loner.id, "ORGANIZER");
    expect((await compareWorkshops({ viewer: viewerOf(loner) })).themes).toEqual([]);
  });
});
