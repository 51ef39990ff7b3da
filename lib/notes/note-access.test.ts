import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createUser, createWorkshop, viewerOf } from "@/test/factories";
import type { Role } from "@/lib/generated/prisma/enums";
import { updateNoteSettings } from "@/lib/workshops/update-note-settings";
import { findNoteAccess } from "./note-access";

const prisma = registerTestDatabase();
const ROLES: Role[] = ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"];

async function workshopWithEveryRole() {
  const workshop = await createWorkshop();
  const members = {} as Record<Role, Awaited<ReturnType<typeof createMember>>>;
  for (const role of ROLES) members[role] = await createMember(workshop.id, role);
  return { workshop, members };
}

async function canEditByRole(workshopId: string, members: Record<Role, { user: { id: string } }>) {
  const entries = await Promise.all(ROLES.map(async (role) => [role, (await findNoteAccess(workshopId, members[role].user.id))?.canEdit] as const));
  return Object.fromEntries(entries);
}

describe("findNoteAccess", () => {
  it("follows the role, the participants-edit setting, the sign-off and the workshop's status", async () => {
    const { workshop, members } = await workshopWithEveryRole();
    expect(await canEditByRole(workshop.id, members)).toEqual({ ORGANIZER: true, RAPPORTEUR: true, PARTICIPANT: true, OBSERVER: false });

    await updateNoteSettings({ viewer: viewerOf(members.ORGANIZER.user), workshopId: workshop.id, input: { participantsEditNote: false } });
    expect(await canEditByRole(workshop.id, members)).toEqual({ ORGANIZER: true, RAPPORTEUR: true, PARTICIPANT: false, OBSERVER: false });

    await prisma().workshop.update({ where: { id: workshop.id }, data: { participantsEditNote: true } });
    await prisma().meetingNote.create({ data: { workshopId: workshop.id, signedOffAt: new Date() } });
    expect(await canEditByRole(workshop.id, members)).toEqual({ ORGANIZER: false, RAPPORTEUR: false, PARTICIPANT: false, OBSERVER: false });
    expect(await findNoteAccess(workshop.id, members.ORGANIZER.user.id)).toEqual({
      canEdit: false,
      isSignedOff: true,
      can: { "note.edit": false, "note.versions.save": false, "note.versions.restore": false, "note.signOff": false, "note.reopen": true },
    });

    await prisma().meetingNote.update({ where: { workshopId: workshop.id }, data: { signedOffAt: null } });
    await prisma().workshop.update({ where: { id: workshop.id }, data: { status: "CLOSED" } });
    expect(await canEditByRole(workshop.id, members)).toEqual({ ORGANIZER: false, RAPPORTEUR: false, PARTICIPANT: false, OBSERVER: false });
  });

  it("is null for someone outside the workshop", async () => {
    const { workshop } = await workshopWithEveryRole();
    expect(await findNoteAccess(workshop.id, (await createUser()).id)).toBeNull();
  });
});

describe("updateNoteSettings", () => {
  it("is the organizers' (and refuses anything but a yes or no)", async () => {
    const { workshop, members } = await workshopWithEveryRole();
    for (const role of ["RAPPORTEUR", "PARTICIPANT", "OBSERVER"] as const) {
      await expectAppError(updateNoteSettings({ viewer: viewerOf(members[role].user), workshopId: workshop.id, input: { participantsEditNote: false } }), "FORBIDDEN", "forbidden");
    }
    await expectAppError(
      updateNoteSettings({ viewer: viewerOf(members.ORGANIZER.user), workshopId: workshop.id, input: { participantsEditNote: "no" as unknown as boolean } }),
      "BAD_REQUEST",
      "fields.participantsEditNoteInvalid",
    );
    expect((await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).participantsEditNote).toBe(true);
    expect(await updateNoteSettings({ viewer: viewerOf(members.ORGANIZER.user), workshopId: workshop.id, input: { participantsEditNote: false } })).toEqual({ participantsEditNote: false });
    expect((await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).participantsEditNote).toBe(false);
  });
});
