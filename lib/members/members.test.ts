import { describe, expect, it } from "vitest";
import { testDatabaseServerUrl, registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createAnnotationRow, createMember, createSource, createWorkshop, viewerOf } from "@/test/factories";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { getWorkshopOverview } from "@/lib/workshops/get-workshop-overview";
import { isAppError } from "@/lib/errors";
import { changeMemberRole } from "./change-member-role";
import { findMembers } from "./find-members";
import { removeMember } from "./remove-member";

const prisma = registerTestDatabase();

async function workshopWithOrganizer() {
  const workshop = await createWorkshop();
  const organizer = await createMember(workshop.id, "ORGANIZER", { name: "Olivia" });
  return { workshop, organizer, viewer: viewerOf(organizer.user) };
}

const organizerCount = (workshopId: string) => prisma().membership.count({ where: { workshopId, role: "ORGANIZER" } });

describe("findMembers", () => {
  it("lists members for organizers, by role then name, marking the viewer", async () => {
    const { workshop, organizer, viewer } = await workshopWithOrganizer();
    const bruno = await createMember(workshop.id, "PARTICIPANT", { name: "Bruno", email: "bruno@example.test" });
    const amina = await createMember(workshop.id, "PARTICIPANT", { name: "Amina", organization: "Sahel Research Network" });
    const omar = await createMember(workshop.id, "OBSERVER", { name: null, email: "omar@example.test" });
    const rafael = await createMember(workshop.id, "RAPPORTEUR", { name: "Rafael" });
    const other = await createWorkshop();
    await createMember(other.id, "PARTICIPANT", { name: "Not here" });

    const members = await findMembers({ viewer, workshopId: workshop.id });
    expect(members).toEqual([
      { membershipId: organizer.membership.id, displayName: "Olivia", email: organizer.user.email, organization: "", role: "ORGANIZER", isMe: true },
      { membershipId: rafael.membership.id, displayName: "Rafael", email: rafael.user.email, organization: "", role: "RAPPORTEUR", isMe: false },
      { membershipId: amina.membership.id, displayName: "Amina", email: amina.user.email, organization: "Sahel Research Network", role: "PARTICIPANT", isMe: false },
      { membershipId: bruno.membership.id, displayName: "Bruno", email: "bruno@example.test", organization: "", role: "PARTICIPANT", isMe: false },
      { membershipId: omar.membership.id, displayName: "omar@example.test", email: "omar@example.test", organization: "", role: "OBSERVER", isMe: false },
    ]);
    // No user ids leave the server, only membership ids.
    const json = JSON.stringify(members);
    for (const member of [organizer, bruno, amina, omar, rafael]) expect(json).not.toContain(member.user.id);
  });

  it.each(["RAPPORTEUR", "PARTICIPANT", "OBSERVER"] as const)("refuses a %s with FORBIDDEN", async (role) => {
    const { workshop } = await workshopWithOrganizer();
    const { user } = await createMember(workshop.id, role);
    await expectAppError(findMembers({ viewer: viewerOf(user), workshopId: workshop.id }), "FORBIDDEN", "forbidden");
  });

  it("still shows the list to organizers of a closed workshop", async () => {
    const { workshop, viewer } = await workshopWithOrganizer();
    await prisma().workshop.update({ where: { id: workshop.id }, data: { status: "CLOSED" } });
    expect(await findMembers({ viewer, workshopId: workshop.id })).toHaveLength(1);
  });
});

describe("changeMemberRole", () => {
  it("gives a member another role", async () => {
    const { workshop, viewer } = await workshopWithOrganizer();
    const { membership } = await createMember(workshop.id, "PARTICIPANT");
    await changeMemberRole({ viewer, workshopId: workshop.id, membershipId: membership.id, role: "RAPPORTEUR" });
    expect((await prisma().membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("RAPPORTEUR");
  });

  it("refuses to demote the last organizer (CONFLICT lastOrganizer)", async () => {
    const { workshop, organizer, viewer } = await workshopWithOrganizer();
    await createMember(workshop.id, "RAPPORTEUR");
    await expectAppError(
      changeMemberRole({ viewer, workshopId: workshop.id, membershipId: organizer.membership.id, role: "RAPPORTEUR" }),
      "CONFLICT",
      "lastOrganizer",
    );
    expect(await organizerCount(workshop.id)).toBe(1);
  });

  it("lets one of two organizers step down, then keeps the other", async () => {
    const { workshop, organizer, viewer } = await workshopWithOrganizer();
    const second = await createMember(workshop.id, "ORGANIZER");
    await changeMemberRole({ viewer, workshopId: workshop.id, membershipId: organizer.membership.id, role: "PARTICIPANT" });
    expect(await organizerCount(workshop.id)).toBe(1);
    await expectAppError(
      changeMemberRole({ viewer: viewerOf(second.user), workshopId: workshop.id, membershipId: second.membership.id, role: "OBSERVER" }),
      "CONFLICT",
      "lastOrganizer",
    );
    // The one who stepped down has lost the organizer's rights at once.
    await expectAppError(
      changeMemberRole({ viewer, workshopId: workshop.id, membershipId: second.membership.id, role: "OBSERVER" }),
      "FORBIDDEN",
      "forbidden",
    );
  });

  it("accepts setting the role a member already has, the last organizer included", async () => {
    const { workshop, organizer, viewer } = await workshopWithOrganizer();
    await changeMemberRole({ viewer, workshopId: workshop.id, membershipId: organizer.membership.id, role: "ORGANIZER" });
    expect(await organizerCount(workshop.id)).toBe(1);
  });

  it("answers NOT_FOUND for a membership of another workshop, and changes nothing there", async () => {
    const { workshop, viewer } = await workshopWithOrganizer();
    const other = await createWorkshop();
    const { membership } = await createMember(other.id, "PARTICIPANT");
    await expectAppError(
      changeMemberRole({ viewer, workshopId: workshop.id, membershipId: membership.id, role: "ORGANIZER" }),
      "NOT_FOUND",
      "notFound",
    );
    expect(await prisma().membership.findUniqueOrThrow({ where: { id: membership.id } })).toEqual(membership);
  });

  it.each([undefined, "", "organizer", "ADMIN", 1])("refuses the role %j with BAD_REQUEST roleInvalid", async (role) => {
    const { workshop, viewer } = await workshopWithOrganizer();
    const { membership } = await createMember(workshop.id, "PARTICIPANT");
    await expectAppError(
      changeMemberRole({ viewer, workshopId: workshop.id, membershipId: membership.id, role }),
      "BAD_REQUEST",
      "fields.roleInvalid",
    );
  });

  it("keeps an organizer when two organizers demote each other at the same moment", async () => {
    const { workshop, organizer, viewer } = await workshopWithOrganizer();
    const second = await createMember(workshop.id, "ORGANIZER");
    const results = await Promise.allSettled([
      changeMemberRole({ viewer, workshopId: workshop.id, membershipId: second.membership.id, role: "PARTICIPANT" }),
      changeMemberRole({ viewer: viewerOf(second.user), workshopId: workshop.id, membershipId: organizer.membership.id, role: "PARTICIPANT" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await organizerCount(workshop.id)).toBe(1);
    const [refusal] = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    // PGlite runs one transaction at a time, so the loser sees the first one's result; PostgreSQL
    // may instead abort it as a deadlock, which is also safe.
    if (!testDatabaseServerUrl()) expect(isAppError(refusal!.reason) && refusal!.reason.messageKey).toMatch(/^(lastOrganizer|forbidden)$/);
  });
});

describe("removeMember", () => {
  it("removes a member, whose access ends at once; what they wrote stays", async () => {
    const { workshop, viewer } = await workshopWithOrganizer();
    const { user, membership } = await createMember(workshop.id, "PARTICIPANT");
    const source = await createSource(workshop.id, { text: "Some text to annotate." });
    const annotation = await createAnnotationRow(source, user.id, { start: 5, end: 9 });
    await expect(getWorkshopAccess(viewerOf(user), workshop.id)).resolves.toBeDefined();

    await removeMember({ viewer, workshopId: workshop.id, membershipId: membership.id });

    expect(await prisma().membership.findUnique({ where: { id: membership.id } })).toBeNull();
    await expectAppError(getWorkshopAccess(viewerOf(user), workshop.id), "NOT_FOUND", "notFound");
    await expectAppError(getWorkshopOverview({ viewer: viewerOf(user), workshopId: workshop.id }), "NOT_FOUND", "notFound");
    expect(await prisma().annotation.findUnique({ where: { id: annotation.id } })).toEqual(annotation);
  });

  it("refuses to remove the last organizer (CONFLICT lastOrganizer)", async () => {
    const { workshop, organizer, viewer } = await workshopWithOrganizer();
    await createMember(workshop.id, "PARTICIPANT");
    await expectAppError(
      removeMember({ viewer, workshopId: workshop.id, membershipId: organizer.membership.id }),
      "CONFLICT",
      "lastOrganizer",
    );
    expect(await organizerCount(workshop.id)).toBe(1);
  });

  it("removes an organizer when another one remains", async () => {
    const { workshop, organizer, viewer } = await workshopWithOrganizer();
    const second = await createMember(workshop.id, "ORGANIZER");
    await removeMember({ viewer: viewerOf(second.user), workshopId: workshop.id, membershipId: organizer.membership.id });
    expect(await prisma().membership.findMany({ where: { workshopId: workshop.id }, select: { id: true } })).toEqual([
      { id: second.membership.id },
    ]);
    await expectAppError(getWorkshopAccess(viewer, workshop.id), "NOT_FOUND");
  });

  it("answers NOT_FOUND for a membership of another workshop, and removes nothing there", async () => {
    const { workshop, viewer } = await workshopWithOrganizer();
    const other = await createWorkshop();
    const { membership } = await createMember(other.id, "PARTICIPANT");
    await expectAppError(removeMember({ viewer, workshopId: workshop.id, membershipId: membership.id }), "NOT_FOUND", "notFound");
    expect(await prisma().membership.findUnique({ where: { id: membership.id } })).toEqual(membership);
  });

  it("answers NOT_FOUND for a membership already removed", async () => {
    const { workshop, viewer } = await workshopWithOrganizer();
    const { membership } = await createMember(workshop.id, "OBSERVER");
    await removeMember({ viewer, workshopId: workshop.id, membershipId: membership.id });
    await expectAppError(removeMember({ viewer, workshopId: workshop.id, membershipId: membership.id }), "NOT_FOUND", "notFound");
  });
});
