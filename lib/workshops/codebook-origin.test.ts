import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createTheme, createUser, createWorkshop as createWorkshopRow, viewerOf } from "@/test/factories";
import { createWorkshop } from "./create-workshop";
import { findCodebookOrigins } from "./find-codebook-origins";

const prisma = registerTestDatabase();

async function themesOf(workshopId: string) {
  return prisma().theme.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { name: true, nameKey: true, description: true, color: true, position: true } });
}

describe("starting a workshop from another workshop's codebook", () => {
  it("lists only the workshops the creator organizes, with their theme counts", async () => {
    const user = await createUser();
    const viewer = viewerOf(user);
    const organized = await createWorkshopRow({ title: "B organized", status: "CLOSED" });
    const alsoOrganized = await createWorkshopRow({ title: "A organized" });
    const participated = await createWorkshopRow({ title: "Participated" });
    for (const workshop of [organized, alsoOrganized]) await prisma().membership.create({ data: { workshopId: workshop.id, userId: user.id, role: "ORGANIZER" } });
    await prisma().membership.create({ data: { workshopId: participated.id, userId: user.id, role: "PARTICIPANT" } });
    await createTheme(organized.id, "One");
    await createTheme(organized.id, "Two");
    expect(await findCodebookOrigins({ viewer })).toEqual([
      { id: alsoOrganized.id, title: "A organized", themeCount: 0 },
      { id: organized.id, title: "B organized", themeCount: 2 },
    ]);
  });

  it("copies names, descriptions, colours and order, and remembers the origin", async () => {
    const origin = await createWorkshopRow({ status: "ARCHIVED" });
    const { user } = await createMember(origin.id, "ORGANIZER");
    await createTheme(origin.id, "Mandate", { description: "Why it was there", color: "teal" });
    await createTheme(origin.id, "Partners", { color: "stone" });
    await createTheme(origin.id, "Protection", { description: "Of civilians", color: "red" });
    await prisma().theme.updateMany({ where: { workshopId: origin.id, name: "Protection" }, data: { position: 5 } });

    const { id } = await createWorkshop({ viewer: viewerOf(user), input: { title: "Second review", codebookFrom: origin.id } });
    expect(await themesOf(id)).toEqual([
      { name: "Mandate", nameKey: "mandate", description: "Why it was there", color: "teal", position: 0 },
      { name: "Partners", nameKey: "partners", description: "", color: "stone", position: 1 },
      { name: "Protection", nameKey: "protection", description: "Of civilians", color: "red", position: 2 },
    ]);
    const created = await prisma().workshop.findUniqueOrThrow({ where: { id } });
    expect(created.codebookOriginId).toBe(origin.id);
    // A copy, not shared rows: the origin's themes are untouched.
    expect((await themesOf(origin.id)).map((theme) => theme.position)).toEqual([0, 1, 5]);
    // Empty means none.
    const plain = await createWorkshop({ viewer: viewerOf(user), input: { title: "Fresh", codebookFrom: "" } });
    expect(await themesOf(plain.id)).toEqual([]);
    expect((await prisma().workshop.findUniqueOrThrow({ where: { id: plain.id } })).codebookOriginId).toBeNull();
  });

  it("refuses a workshop the creator does not organize with the same not-found, creating nothing", async () => {
    const origin = await createWorkshopRow();
    await createTheme(origin.id, "Secret theme");
    const participant = viewerOf((await createMember(origin.id, "PARTICIPANT")).user);
    const stranger = viewerOf(await createUser());
    const before = await prisma().workshop.count();
    for (const [viewer, codebookFrom] of [
      [participant, origin.id],
      [stranger, origin.id],
      [stranger, "no-such-workshop"],
    ] as const) {
      await expectAppError(createWorkshop({ viewer, input: { title: "Copycat", codebookFrom } }), "NOT_FOUND", "codebookOriginNotFound");
    }
    expect(await prisma().workshop.count()).toBe(before);
  });
});
