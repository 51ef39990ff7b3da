import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createAnnotationRow, createLessonRow, createMember, createProposalRow, createSource, createTheme as createThemeRow, createWorkshop, viewerOf } from "@/test/factories";
import type { Viewer } from "@/lib/auth/session";
import { createTheme } from "./create-theme";
import { updateTheme } from "./update-theme";
import { reorderThemes } from "./reorder-themes";
import { deleteTheme } from "./delete-theme";
import { getThemeUsage } from "./get-theme-usage";
import { mergeThemes } from "./merge-themes";
import { findThemes } from "./find-themes";

const prisma = registerTestDatabase();

let organizer: Viewer;
let participant: Viewer;
let participantId: string;

/** A fresh workshop with an organizer and a participant (tests change codebooks freely). */
async function freshWorkshop() {
  const workshop = await createWorkshop();
  const { user } = await createMember(workshop.id, "ORGANIZER");
  const member = await createMember(workshop.id, "PARTICIPANT");
  organizer = viewerOf(user);
  participant = viewerOf(member.user);
  participantId = member.user.id;
  return workshop.id;
}

async function codebookOf(workshopId: string) {
  return prisma().theme.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { name: true, position: true, color: true } });
}

/** Tags an annotation with themes, straight into the database. */
async function tag(annotationId: string, ...themeIds: string[]) {
  await prisma().annotationTheme.createMany({ data: themeIds.map((themeId) => ({ annotationId, themeId })) });
}

async function tagsOf(annotationId: string) {
  return (await prisma().annotationTheme.findMany({ where: { annotationId }, orderBy: { themeId: "asc" } })).map((row) => row.themeId);
}

async function lessonTagged(workshopId: string, authorId: string, ...themeIds: string[]) {
  return createLessonRow(workshopId, authorId, themeIds);
}

describe("creating themes", () => {
  let workshopId: string;
  beforeAll(async () => {
    workshopId = await freshWorkshop();
  });

  it("appends at the end with the next unused colour, or the colour chosen", async () => {
    const first = await createTheme({ viewer: organizer, workshopId, input: { name: "  Mandate   and  consent ", description: " Why the mission was there. " } });
    expect(first).toEqual({ id: expect.any(String), name: "Mandate and consent", description: "Why the mission was there.", color: "orange", position: 0 });
    const second = await createTheme({ viewer: organizer, workshopId, input: { name: "Protection", color: "teal" } });
    expect(second).toMatchObject({ color: "teal", position: 1 });
    const third = await createTheme({ viewer: organizer, workshopId, input: { name: "Partners" } });
    expect(third).toMatchObject({ color: "red", position: 2 });
    expect((await findThemes({ viewer: participant, workshopId })).map((theme) => theme.name)).toEqual(["Mandate and consent", "Protection", "Partners"]);
  });

  it("refuses duplicates ignoring case, bad names, bad colours and NUL, writing nothing", async () => {
    const before = await codebookOf(workshopId);
    await expectAppError(createTheme({ viewer: organizer, workshopId, input: { name: "PROTECTION" } }), "CONFLICT", "themeNameTaken");
    await expectAppError(createTheme({ viewer: organizer, workshopId, input: { name: " protection " } }), "CONFLICT", "themeNameTaken");
    await expectAppError(createTheme({ viewer: organizer, workshopId, input: { name: "   " } }), "BAD_REQUEST", "fields.themeNameRequired");
    await expectAppError(createTheme({ viewer: organizer, workshopId, input: { name: "x".repeat(81) } }), "BAD_REQUEST", "fields.themeNameTooLong");
    await expectAppError(createTheme({ viewer: organizer, workshopId, input: { name: "Long", description: "d".repeat(1001) } }), "BAD_REQUEST", "fields.themeDescriptionTooLong");
    await expectAppError(createTheme({ viewer: organizer, workshopId, input: { name: "Yellow", color: "yellow" } }), "BAD_REQUEST", "fields.themeColorInvalid");
    await expectAppError(createTheme({ viewer: organizer, workshopId, input: { name: "Hex", color: "#ff0000" } }), "BAD_REQUEST", "fields.themeColorInvalid");
    await expectAppError(createTheme({ viewer: organizer, workshopId, input: { name: "Nul\u0000name" } }), "BAD_REQUEST", "fields.nulCharacter");
    await expectAppError(createTheme({ viewer: organizer, workshopId, input: { name: "Fine", description: "bad\u0000" } }), "BAD_REQUEST", "fields.nulCharacter");
    await expectAppError(createTheme({ viewer: participant, workshopId, input: { name: "Mine" } }), "FORBIDDEN", "forbidden");
    expect(await codebookOf(workshopId)).toEqual(before);
    // 80 characters exactly is fine.
    expect((await createTheme({ viewer: organizer, workshopId, input: { name: "n".repeat(80) } })).name).toHaveLength(80);
  });

  it("keeps positions without gaps when organizers create concurrently", async () => {
    const id = await freshWorkshop();
    await Promise.all(Array.from({ length: 8 }, (_, index) => createTheme({ viewer: organizer, workshopId: id, input: { name: `Concurrent ${index}` } })));
    expect((await codebookOf(id)).map((theme) => theme.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("stops at 200 themes", async () => {
    const id = await freshWorkshop();
    await prisma().theme.createMany({
      data: Array.from({ length: 200 }, (_, position) => ({ workshopId: id, name: `T${position}`, nameKey: `t${position}`, color: "stone", position })),
    });
    await expectAppError(createTheme({ viewer: organizer, workshopId: id, input: { name: "One too many" } }), "CONFLICT", "codebookFull");
  });
});

describe("updating themes", () => {
  it("renames, describes and recolours; refuses a taken name and a theme of another workshop", async () => {
    const workshopId = await freshWorkshop();
    const theme = await createThemeRow(workshopId, "Security");
    await createThemeRow(workshopId, "Logistics");
    expect(await updateTheme({ viewer: organizer, workshopId, themeId: theme.id, input: { name: "Security sector", description: "SSR and more", color: "indigo" } })).toMatchObject({
      name: "Security sector",
      description: "SSR and more",
      color: "indigo",
      position: 0,
    });
    // Changing only the case of its own name is a rename, not a duplicate.
    expect((await updateTheme({ viewer: organizer, workshopId, themeId: theme.id, input: { name: "SECURITY SECTOR" } })).name).toBe("SECURITY SECTOR");
    await expectAppError(updateTheme({ viewer: organizer, workshopId, themeId: theme.id, input: { name: "logistics" } }), "CONFLICT", "themeNameTaken");
    await expectAppError(updateTheme({ viewer: organizer, workshopId, themeId: theme.id, input: {} }), "BAD_REQUEST", "fields.nothingToChange");
    await expectAppError(updateTheme({ viewer: organizer, workshopId, themeId: theme.id, input: { color: "gold" } }), "BAD_REQUEST", "fields.themeColorInvalid");
    const other = await createWorkshop();
    const foreign = await createThemeRow(other.id, "Foreign");
    await expectAppError(updateTheme({ viewer: organizer, workshopId, themeId: foreign.id, input: { name: "Mine now" } }), "NOT_FOUND", "themeGone");
    expect((await prisma().theme.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe("Foreign");
  });
});

describe("reordering themes", () => {
  it("moves one theme up or down, and applies a whole new order", async () => {
    const workshopId = await freshWorkshop();
    const [a, b, c] = [await createThemeRow(workshopId, "A"), await createThemeRow(workshopId, "B"), await createThemeRow(workshopId, "C")];
    const names = async () => (await codebookOf(workshopId)).map((theme) => `${theme.position}${theme.name}`);
    await reorderThemes({ viewer: organizer, workshopId, input: { themeId: c!.id, direction: "up" } });
    expect(await names()).toEqual(["0A", "1C", "2B"]);
    await reorderThemes({ viewer: organizer, workshopId, input: { themeId: a!.id, direction: "up" } });
    expect(await names()).toEqual(["0A", "1C", "2B"]);
    await reorderThemes({ viewer: organizer, workshopId, input: { themeId: a!.id, direction: "down" } });
    expect(await names()).toEqual(["0C", "1A", "2B"]);
    const result = await reorderThemes({ viewer: organizer, workshopId, input: { themeIds: [b!.id, a!.id, c!.id] } });
    expect(result.map((theme) => [theme.name, theme.position])).toEqual([["B", 0], ["A", 1], ["C", 2]]);
    expect(await names()).toEqual(["0B", "1A", "2C"]);
  });

  it("refuses an order that is not exactly the workshop's themes", async () => {
    const workshopId = await freshWorkshop();
    const [a, b] = [await createThemeRow(workshopId, "A"), await createThemeRow(workshopId, "B")];
    const foreign = await createThemeRow((await createWorkshop()).id, "Foreign");
    const before = await codebookOf(workshopId);
    for (const themeIds of [[a!.id], [a!.id, a!.id], [a!.id, b!.id, foreign.id], [a!.id, foreign.id], []]) {
      await expectAppError(reorderThemes({ viewer: organizer, workshopId, input: { themeIds } }), "CONFLICT", "themeReorderMismatch");
    }
    await expectAppError(reorderThemes({ viewer: organizer, workshopId, input: { themeId: foreign.id, direction: "up" } }), "NOT_FOUND", "themeGone");
    await expectAppError(reorderThemes({ viewer: organizer, workshopId, input: { themeId: a!.id, direction: "left" } as never }), "BAD_REQUEST", "fields.reorderInvalid");
    expect(await codebookOf(workshopId)).toEqual(before);
  });

  it("keeps positions 0..n-1 under concurrent moves", async () => {
    const workshopId = await freshWorkshop();
    const themes: Awaited<ReturnType<typeof createThemeRow>>[] = [];
    for (const name of ["A", "B", "C", "D", "E", "F"]) themes.push(await createThemeRow(workshopId, name));
    await Promise.all(
      themes.flatMap((theme, index) => [
        reorderThemes({ viewer: organizer, workshopId, input: { themeId: theme.id, direction: index % 2 ? "up" : "down" } }),
        reorderThemes({ viewer: organizer, workshopId, input: { themeIds: [...themes].reverse().map((t) => t.id) } }),
      ]),
    );
    const positions = (await codebookOf(workshopId)).map((theme) => theme.position);
    expect(positions).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("deleting themes", () => {
  it("tells beforehand what is tagged, then removes only the tags and closes the gap", async () => {
    const workshopId = await freshWorkshop();
    const [a, b, c] = [await createThemeRow(workshopId, "A"), await createThemeRow(workshopId, "B"), await createThemeRow(workshopId, "C")];
    const source = await createSource(workshopId);
    const onlyB = await createAnnotationRow(source, participantId);
    const bAndC = await createAnnotationRow(source, participantId);
    const bAndA = await createAnnotationRow(source, participantId);
    const untouched = await createAnnotationRow(source, participantId);
    await tag(onlyB.id, b!.id);
    await tag(bAndC.id, b!.id, c!.id);
    await tag(bAndA.id, b!.id, a!.id);
    await tag(untouched.id, c!.id);
    const lesson = await lessonTagged(workshopId, participantId, b!.id);

    const usage = await getThemeUsage({ viewer: organizer, workshopId, themeId: b!.id });
    expect(usage).toEqual({ annotations: 3, annotationsOnlyThisTheme: 1, lessons: 1, lessonsOnlyThisTheme: 1 });
    await expectAppError(getThemeUsage({ viewer: participant, workshopId, themeId: b!.id }), "FORBIDDEN", "forbidden");

    expect(await deleteTheme({ viewer: organizer, workshopId, themeId: b!.id })).toEqual(usage);
    expect(await codebookOf(workshopId)).toEqual([
      { name: "A", position: 0, color: a!.color },
      { name: "C", position: 1, color: c!.color },
    ]);
    expect(await tagsOf(onlyB.id)).toEqual([]);
    expect(await tagsOf(bAndC.id)).toEqual([c!.id]);
    expect(await tagsOf(bAndA.id)).toEqual([a!.id]);
    expect(await tagsOf(untouched.id)).toEqual([c!.id]);
    expect(await prisma().annotation.count({ where: { workshopId } })).toBe(4);
    expect(await prisma().lesson.findUnique({ where: { id: lesson.id } })).not.toBeNull();
    await expectAppError(deleteTheme({ viewer: organizer, workshopId, themeId: b!.id }), "NOT_FOUND", "themeGone");
    await expectAppError(getThemeUsage({ viewer: organizer, workshopId, themeId: b!.id }), "NOT_FOUND", "themeGone");
  });
});

describe("merging themes", () => {
  it("moves every tag to the target once, deletes the source and closes the gap, in one go", async () => {
    const workshopId = await freshWorkshop();
    const [a, , c] = [await createThemeRow(workshopId, "A"), await createThemeRow(workshopId, "B"), await createThemeRow(workshopId, "C")];
    const source = await createSource(workshopId);
    const onlyA = await createAnnotationRow(source, participantId);
    const both = await createAnnotationRow(source, participantId);
    const onlyC = await createAnnotationRow(source, participantId);
    await tag(onlyA.id, a!.id);
    await tag(both.id, a!.id, c!.id);
    await tag(onlyC.id, c!.id);
    const lessonA = await lessonTagged(workshopId, participantId, a!.id);
    const lessonBoth = await lessonTagged(workshopId, participantId, a!.id, c!.id);
    const accepted = await createProposalRow(workshopId, participantId, { name: "A", status: "ACCEPTED", themeId: a!.id });

    const { target, moved } = await mergeThemes({ viewer: organizer, workshopId, themeId: a!.id, input: { targetId: c!.id } });
    expect(target).toMatchObject({ id: c!.id, name: "C", position: 1 });
    expect(moved).toEqual({ annotations: 2, annotationsOnlyThisTheme: 1, lessons: 2, lessonsOnlyThisTheme: 1 });
    expect((await codebookOf(workshopId)).map((theme) => [theme.name, theme.position])).toEqual([["B", 0], ["C", 1]]);
    expect(await tagsOf(onlyA.id)).toEqual([c!.id]);
    expect(await tagsOf(both.id)).toEqual([c!.id]);
    expect(await tagsOf(onlyC.id)).toEqual([c!.id]);
    const lessonTags = await prisma().lessonTheme.findMany({ where: { lessonId: { in: [lessonA.id, lessonBoth.id] } } });
    expect(lessonTags.map((row) => row.themeId)).toEqual([c!.id, c!.id]);
    expect((await prisma().themeProposal.findUniqueOrThrow({ where: { id: accepted.id } })).themeId).toBe(c!.id);
  });

  it("refuses merging into itself, into another workshop's theme, or a theme that is gone, changing nothing", async () => {
    const workshopId = await freshWorkshop();
    const [a, b] = [await createThemeRow(workshopId, "A"), await createThemeRow(workshopId, "B")];
    const foreign = await createThemeRow((await createWorkshop()).id, "Foreign");
    const before = await codebookOf(workshopId);
    await expectAppError(mergeThemes({ viewer: organizer, workshopId, themeId: a!.id, input: { targetId: a!.id } }), "BAD_REQUEST", "themeMergeIntoItself");
    await expectAppError(mergeThemes({ viewer: organizer, workshopId, themeId: a!.id, input: { targetId: foreign.id } }), "BAD_REQUEST", "themeMergeTargetUnknown");
    await expectAppError(mergeThemes({ viewer: organizer, workshopId, themeId: foreign.id, input: { targetId: b!.id } }), "NOT_FOUND", "themeGone");
    await expectAppError(mergeThemes({ viewer: organizer, workshopId, themeId: a!.id, input: { targetId: "" } }), "BAD_REQUEST", "fields.mergeTargetRequired");
    await expectAppError(mergeThemes({ viewer: participant, workshopId, themeId: a!.id, input: { targetId: b!.id } }), "FORBIDDEN", "forbidden");
    expect(await codebookOf(workshopId)).toEqual(before);
    expect(await prisma().theme.count({ where: { id: foreign.id } })).toBe(1);
  });
});
