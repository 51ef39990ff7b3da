import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { addMember, createMember, createSource, createUser, createWorkshop as createWorkshopRow, viewerOf } from "@/test/factories";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { getWorkshopAccess, requireWorkshopPermission } from "./access";
import { changeWorkshopStatus } from "./change-workshop-status";
import { createWorkshop } from "./create-workshop";
import { findMyWorkshops } from "./find-my-workshops";
import { getWorkshopOverview } from "./get-workshop-overview";
import { updateWorkshop } from "./update-workshop";

const prisma = registerTestDatabase();

const FIELDS = { title: "After-action review", description: "Ten years", date: "2024-06-13", place: "Bamako" };

async function workshopWithOrganizer(input: Parameters<typeof createWorkshopRow>[0] = {}) {
  const workshop = await createWorkshopRow(input);
  const { user } = await createMember(workshop.id, "ORGANIZER");
  return { workshop, organizer: viewerOf(user) };
}

describe("createWorkshop", () => {
  it("creates the workshop with its creator as sole organizer", async () => {
    const creator = viewerOf(await createUser());
    const { id } = await createWorkshop({ viewer: creator, input: { ...FIELDS, title: "  After-action review " } });
    const row = await prisma().workshop.findUniqueOrThrow({ where: { id }, include: { memberships: true } });
    expect(row).toMatchObject({ title: "After-action review", place: "Bamako", attribution: "CHATHAM_HOUSE", status: "OPEN", isDemo: false });
    expect(row.date?.toISOString()).toBe("2024-06-13T00:00:00.000Z");
    expect(row.memberships.map((m) => [m.userId, m.role])).toEqual([[creator.id, "ORGANIZER"]]);
  });

  it("creates an attributed workshop without a date", async () => {
    const creator = viewerOf(await createUser());
    const { id } = await createWorkshop({ viewer: creator, input: { title: "Named", date: "", attribution: "ATTRIBUTED" } });
    expect(await prisma().workshop.findUniqueOrThrow({ where: { id } })).toMatchObject({ date: null, attribution: "ATTRIBUTED" });
  });

  it.each([
    { case: "an empty title", input: { ...FIELDS, title: "" }, field: "title", key: "fields.titleRequired" },
    { case: "a 201-character title", input: { ...FIELDS, title: "t".repeat(201) }, field: "title", key: "fields.titleTooLong" },
    { case: "a malformed date", input: { ...FIELDS, date: "June 13" }, field: "date", key: "fields.dateInvalid" },
  ])("refuses $case with BAD_REQUEST and creates nothing", async ({ input, field, key }) => {
    const creator = viewerOf(await createUser());
    const error = await expectAppError(createWorkshop({ viewer: creator, input }), "BAD_REQUEST", key);
    expect(error.details).toEqual({ field });
    expect(await prisma().membership.count({ where: { userId: creator.id } })).toBe(0);
  });
});

describe("updateWorkshop", () => {
  it("lets an organizer edit the details", async () => {
    const { workshop, organizer } = await workshopWithOrganizer();
    await updateWorkshop({ viewer: organizer, workshopId: workshop.id, input: { ...FIELDS, title: "Renamed", date: "" } });
    expect(await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).toMatchObject({
      title: "Renamed",
      description: "Ten years",
      date: null,
      place: "Bamako",
    });
  });

  it("refuses Chatham House → Attributed and changes nothing", async () => {
    const { workshop, organizer } = await workshopWithOrganizer({ attribution: "CHATHAM_HOUSE" });
    await expectAppError(
      updateWorkshop({ viewer: organizer, workshopId: workshop.id, input: { ...FIELDS, title: "Changed", attribution: "ATTRIBUTED" } }),
      "CONFLICT",
      "attributionIrreversible",
    );
    expect(await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).toEqual(workshop);
  });

  it("allows Attributed → Chatham House", async () => {
    const { workshop, organizer } = await workshopWithOrganizer({ attribution: "ATTRIBUTED" });
    await updateWorkshop({ viewer: organizer, workshopId: workshop.id, input: { ...FIELDS, attribution: "CHATHAM_HOUSE" } });
    expect((await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).attribution).toBe("CHATHAM_HOUSE");
  });

  it("validates before touching the database", async () => {
    const { workshop, organizer } = await workshopWithOrganizer();
    const error = await expectAppError(
      updateWorkshop({ viewer: organizer, workshopId: workshop.id, input: { title: "t".repeat(201) } }),
      "BAD_REQUEST",
      "fields.titleTooLong",
    );
    expect(error.details).toEqual({ field: "title" });
    expect(await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).toEqual(workshop);
  });
});

describe("changeWorkshopStatus", () => {
  it("closing makes the workshop read-only: edits, invitations and member changes are refused", async () => {
    const { workshop, organizer } = await workshopWithOrganizer();
    const { user: participant, membership } = await createMember(workshop.id, "PARTICIPANT");
    await changeWorkshopStatus({ viewer: organizer, workshopId: workshop.id, status: "CLOSED" });
    const closed = await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } });
    expect(closed.status).toBe("CLOSED");

    const viewer = organizer;
    const workshopId = workshop.id;
    const refused = [
      updateWorkshop({ viewer, workshopId, input: { ...FIELDS, title: "Edited after closing" } }),
      createInvitation({ viewer, workshopId, input: { email: "late@example.test", role: "PARTICIPANT" }, locale: "en" }),
      changeMemberRole({ viewer, workshopId, membershipId: membership.id, role: "OBSERVER" }),
      removeMember({ viewer, workshopId, membershipId: membership.id }),
    ];
    for (const call of refused) await expectAppError(call, "FORBIDDEN", "workshopReadOnly");

    expect(await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).toEqual(closed);
    expect(await prisma().membership.findUniqueOrThrow({ where: { id: membership.id } })).toEqual(membership);
    expect(await prisma().invitation.count({ where: { workshopId } })).toBe(0);

    // Reading still works, and the presented permissions say what is left.
    const overview = await getWorkshopOverview({ viewer: viewerOf(participant), workshopId });
    expect(overview.workshop.status).toBe("CLOSED");
    expect(Object.entries(overview.workshop.can).filter(([, allowed]) => allowed).map(([action]) => action)).toEqual(["workshop.view", "note.view", "note.versions.view"]);
    const mine = await getWorkshopOverview({ viewer: organizer, workshopId });
    expect(mine.workshop.can).toMatchObject({ "workshop.edit": false, "members.invite": false, "workshop.changeStatus": true });
  });

  it("lets a closed workshop be reopened, and edits work again", async () => {
    const { workshop, organizer } = await workshopWithOrganizer({ status: "CLOSED" });
    await changeWorkshopStatus({ viewer: organizer, workshopId: workshop.id, status: "OPEN" });
    await updateWorkshop({ viewer: organizer, workshopId: workshop.id, input: { ...FIELDS, title: "Reopened" } });
    expect(await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).toMatchObject({ status: "OPEN", title: "Reopened" });
  });

  it.each(["OPEN", "CLOSED"])("never takes an archived workshop back to %s", async (status) => {
    const { workshop, organizer } = await workshopWithOrganizer({ status: "ARCHIVED" });
    await expectAppError(changeWorkshopStatus({ viewer: organizer, workshopId: workshop.id, status }), "CONFLICT", "archivedIsFinal");
    expect((await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).status).toBe("ARCHIVED");
  });

  it("archives an open workshop, and archiving again is a no-op", async () => {
    const { workshop, organizer } = await workshopWithOrganizer();
    await changeWorkshopStatus({ viewer: organizer, workshopId: workshop.id, status: "ARCHIVED" });
    await changeWorkshopStatus({ viewer: organizer, workshopId: workshop.id, status: "ARCHIVED" });
    expect((await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).status).toBe("ARCHIVED");
    await expectAppError(
      updateWorkshop({ viewer: organizer, workshopId: workshop.id, input: FIELDS }),
      "FORBIDDEN",
      "workshopReadOnly",
    );
  });

  it.each([undefined, "", "closed", "DELETED", 3])("refuses the status %j with BAD_REQUEST", async (status) => {
    const { workshop, organizer } = await workshopWithOrganizer();
    await expectAppError(changeWorkshopStatus({ viewer: organizer, workshopId: workshop.id, status }), "BAD_REQUEST");
    expect((await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).status).toBe("OPEN");
  });

  it("refuses a rapporteur with FORBIDDEN forbidden (not read-only) in a closed workshop", async () => {
    const { workshop } = await workshopWithOrganizer({ status: "CLOSED" });
    const { user } = await createMember(workshop.id, "RAPPORTEUR");
    await expectAppError(changeWorkshopStatus({ viewer: viewerOf(user), workshopId: workshop.id, status: "OPEN" }), "FORBIDDEN", "forbidden");
  });
});

describe("findMyWorkshops", () => {
  it("lists only the viewer's workshops: open, closed, archived; newest first within each", async () => {
    const viewer = viewerOf(await createUser());
    const make = async (title: string, status: "OPEN" | "CLOSED" | "ARCHIVED", date: string | null, role: "ORGANIZER" | "OBSERVER") => {
      const workshop = await createWorkshopRow({ title, status, date: date ? new Date(`${date}T00:00:00Z`) : null });
      await addMember(workshop.id, viewer.id, role);
      return workshop;
    };
    await make("Archived", "ARCHIVED", "2025-01-01", "ORGANIZER");
    await make("Closed", "CLOSED", "2020-01-01", "OBSERVER");
    await make("Open old", "OPEN", "2021-05-01", "OBSERVER");
    await make("Open new", "OPEN", "2024-06-13", "ORGANIZER");
    await make("Open undated", "OPEN", null, "OBSERVER");
    const notMine = await createWorkshopRow({ title: "Someone else's" });
    await createMember(notMine.id, "ORGANIZER");

    const list = await findMyWorkshops({ viewer });
    expect(list.map((w) => [w.title, w.status, w.date, w.myRole])).toEqual([
      ["Open new", "OPEN", "2024-06-13", "ORGANIZER"],
      ["Open old", "OPEN", "2021-05-01", "OBSERVER"],
      ["Open undated", "OPEN", null, "OBSERVER"],
      ["Closed", "CLOSED", "2020-01-01", "OBSERVER"],
      ["Archived", "ARCHIVED", "2025-01-01", "ORGANIZER"],
    ]);
    expect(list[0]!.can["workshop.edit"]).toBe(true);
    expect(list[1]!.can["workshop.edit"]).toBe(false);
  });

  it("is empty for someone without workshops", async () => {
    expect(await findMyWorkshops({ viewer: viewerOf(await createUser()) })).toEqual([]);
  });

  it("presents no other member's identity", async () => {
    const { workshop, organizer } = await workshopWithOrganizer({ title: "Private" });
    const { user } = await createMember(workshop.id, "PARTICIPANT", { name: "Zed Secret", email: "zed@secret.test" });
    const [presented] = await findMyWorkshops({ viewer: viewerOf(user) });
    const json = JSON.stringify(presented);
    for (const leak of [organizer.id, organizer.email, "Zed Secret", "zed@secret.test", user.id]) expect(json).not.toContain(leak);
  });
});

describe("getWorkshopOverview", () => {
  it("shows the workshop, the viewer's role and permissions, sources and themes in order", async () => {
    const { workshop } = await workshopWithOrganizer({ title: "Overview", date: new Date("2024-06-13T00:00:00Z") });
    const second = await createSource(workshop.id, { title: "Second", position: 1, text: "three words here" });
    const first = await createSource(workshop.id, { title: "First", position: 0, text: "one two", authors: ["A"] });
    await prisma().theme.createMany({
      data: [
        { workshopId: workshop.id, name: "Theme B", nameKey: "theme b", color: "red", position: 1 },
        { workshopId: workshop.id, name: "Theme A", nameKey: "theme a", color: "orange", position: 0 },
      ],
    });
    const { user } = await createMember(workshop.id, "RAPPORTEUR");

    const overview = await getWorkshopOverview({ viewer: viewerOf(user), workshopId: workshop.id });
    expect(overview.workshop).toMatchObject({ id: workshop.id, title: "Overview", date: "2024-06-13", myRole: "RAPPORTEUR" });
    expect(overview.workshop.can).toMatchObject({ "workshop.view": true, "sources.manage": true, "workshop.edit": false, "members.view": false });
    expect(overview.sources.map((s) => [s.id, s.title, s.wordCount])).toEqual([
      [first.id, "First", 2],
      [second.id, "Second", 3],
    ]);
    expect(overview.sources[0]).not.toHaveProperty("text");
    expect(overview.themes.map((t) => t.name)).toEqual(["Theme A", "Theme B"]);
  });

  it("answers a non-member NOT_FOUND, exactly as for an unknown id", async () => {
    const { workshop } = await workshopWithOrganizer();
    const stranger = viewerOf(await createUser());
    const a = await expectAppError(getWorkshopOverview({ viewer: stranger, workshopId: workshop.id }), "NOT_FOUND", "notFound");
    const b = await expectAppError(getWorkshopOverview({ viewer: stranger, workshopId: "does-not-exist" }), "NOT_FOUND", "notFound");
    expect(a.message).toBe(b.message);
  });
});

describe("workshop access", () => {
  it("returns the workshop with the viewer's own membership", async () => {
    const { workshop } = await workshopWithOrganizer();
    const { user, membership } = await createMember(workshop.id, "OBSERVER");
    const access = await getWorkshopAccess(viewerOf(user), workshop.id);
    expect(access.workshop).toEqual(workshop);
    expect(access.membership).toEqual(membership);
  });

  it("tells a role refusal (forbidden) from a read-only refusal (workshopReadOnly)", async () => {
    const open = await workshopWithOrganizer();
    const { user } = await createMember(open.workshop.id, "PARTICIPANT");
    await expectAppError(requireWorkshopPermission(viewerOf(user), open.workshop.id, "workshop.edit"), "FORBIDDEN", "forbidden");
    await expect(requireWorkshopPermission(viewerOf(user), open.workshop.id, "content.contribute")).resolves.toBeDefined();

    const closed = await workshopWithOrganizer({ status: "CLOSED" });
    await addMember(closed.workshop.id, user.id, "PARTICIPANT");
    await expectAppError(requireWorkshopPermission(viewerOf(user), closed.workshop.id, "content.contribute"), "FORBIDDEN", "workshopReadOnly");
    await expectAppError(requireWorkshopPermission(viewerOf(user), closed.workshop.id, "workshop.edit"), "FORBIDDEN", "forbidden");
    await expect(requireWorkshopPermission(closed.organizer, closed.workshop.id, "members.view")).resolves.toBeDefined();
  });

  it("answers NOT_FOUND before any permission check for non-members", async () => {
    const { workshop } = await workshopWithOrganizer();
    const stranger = viewerOf(await createUser());
    await expectAppError(requireWorkshopPermission(stranger, workshop.id, "workshop.view"), "NOT_FOUND", "notFound");
    await expectAppError(requireWorkshopPermission(stranger, workshop.id, "workshop.edit"), "NOT_FOUND", "notFound");
  });
});
