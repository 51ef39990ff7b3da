import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createWorkshop, viewerOf } from "@/test/factories";
import { setNoteParagraphs, paragraphsOf } from "@/test/notes";
import { findNoteVersions } from "./find-note-versions";
import { getNoteVersion } from "./get-note-version";
import { saveNoteVersion } from "./save-note-version";
import { renderNoteVersion } from "./render-note-version";

const prisma = registerTestDatabase();

async function workshopWithNote(paragraphs: string[] = ["First draft of the introduction."]) {
  const workshop = await createWorkshop({ title: "Versions workshop" });
  const organizer = await createMember(workshop.id, "ORGANIZER", { name: "Olga Organizer", organization: "Org One" });
  const rapporteur = await createMember(workshop.id, "RAPPORTEUR", { name: "Rita Rapporteur" });
  const participant = await createMember(workshop.id, "PARTICIPANT", { name: "Paul Participant", organization: "Org Two" });
  const observer = await createMember(workshop.id, "OBSERVER", { name: "Otto Observer" });
  await setNoteParagraphs(workshop.id, paragraphs);
  return { workshop, organizer, rapporteur, participant, observer, members: [organizer, rapporteur, participant, observer] };
}

describe("note versions", () => {
  it("saves a named version of the current text, lists it with a coarse time and reads it back, never saying who", async () => {
    const { workshop, participant, observer, members } = await workshopWithNote();
    const saved = await saveNoteVersion({ viewer: viewerOf(participant.user), workshopId: workshop.id, input: { name: "  Before lunch  " } });
    expect(saved).toEqual({ id: expect.any(String), name: "Before lunch", kind: "NAMED", savedAt: { day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), partOfDay: expect.any(String) } });

    await setNoteParagraphs(workshop.id, ["Second draft."]);
    const panel = await findNoteVersions({ viewer: viewerOf(observer.user), workshopId: workshop.id });
    expect(panel.versions).toEqual([saved]);
    expect(panel.access).toMatchObject({ canEdit: false, isSignedOff: false });

    const { version, content } = await getNoteVersion({ viewer: viewerOf(observer.user), workshopId: workshop.id, versionId: saved.id });
    expect(version).toEqual(saved);
    expect(paragraphsOf(content)).toEqual(["First draft of the introduction."]);
    const { html } = await renderNoteVersion({ viewer: viewerOf(observer.user), workshopId: workshop.id, versionId: saved.id, locale: "en" });
    expect(html).toContain("<p>First draft of the introduction.</p>");

    const row = await prisma().meetingNoteVersion.findUniqueOrThrow({ where: { id: saved.id } });
    expect(Object.keys(row).sort()).toEqual(["content", "createdAt", "id", "kind", "name", "noteId", "references", "yState"]);
    const shown = JSON.stringify([panel, version]);
    for (const member of members) {
      for (const value of [member.user.id, member.user.email, member.user.name!, member.membership.id]) expect(shown).not.toContain(value);
    }
    expect(shown).not.toContain(row.createdAt.toISOString());
  });

  it("refuses an empty or overlong name, with a message to act on", async () => {
    const { workshop, rapporteur } = await workshopWithNote();
    const viewer = viewerOf(rapporteur.user);
    await expectAppError(saveNoteVersion({ viewer, workshopId: workshop.id, input: { name: "   " } }), "BAD_REQUEST", "fields.versionNameRequired");
    await expectAppError(saveNoteVersion({ viewer, workshopId: workshop.id, input: { name: "x".repeat(121) } }), "BAD_REQUEST", "fields.versionNameTooLong");
    await expectAppError(saveNoteVersion({ viewer, workshopId: workshop.id, input: {} as { name: string } }), "BAD_REQUEST", "fields.versionNameRequired");
    expect(await prisma().meetingNoteVersion.count({ where: { note: { workshopId: workshop.id } } })).toBe(0);
    expect(await saveNoteVersion({ viewer, workshopId: workshop.id, input: { name: "x".repeat(120) } })).toMatchObject({ kind: "NAMED" });
  });

  it("lets observers read versions but not save them, and participants save only while they write the note", async () => {
    const { workshop, participant, observer } = await workshopWithNote();
    await expectAppError(saveNoteVersion({ viewer: viewerOf(observer.user), workshopId: workshop.id, input: { name: "Observer's" } }), "FORBIDDEN", "forbidden");
    await prisma().workshop.update({ where: { id: workshop.id }, data: { participantsEditNote: false } });
    await expectAppError(saveNoteVersion({ viewer: viewerOf(participant.user), workshopId: workshop.id, input: { name: "Mine" } }), "FORBIDDEN", "noteAccess.participantsRead");
    expect(await prisma().meetingNoteVersion.count({ where: { note: { workshopId: workshop.id } } })).toBe(0);
  });

  it("answers not found for a version of another workshop's note, even to that workshop's organizer", async () => {
    const first = await workshopWithNote();
    const second = await workshopWithNote(["Other note."]);
    const saved = await saveNoteVersion({ viewer: viewerOf(first.organizer.user), workshopId: first.workshop.id, input: { name: "Ours" } });
    await expectAppError(getNoteVersion({ viewer: viewerOf(second.organizer.user), workshopId: second.workshop.id, versionId: saved.id }), "NOT_FOUND", "notFound");
    await expectAppError(getNoteVersion({ viewer: viewerOf(second.organizer.user), workshopId: first.workshop.id, versionId: saved.id }), "NOT_FOUND", "notFound");
    await expectAppError(getNoteVersion({ viewer: viewerOf(first.organizer.user), workshopId: first.workshop.id, versionId: "not an id" }), "NOT_FOUND", "notFound");
    expect((await findNoteVersions({ viewer: viewerOf(second.organizer.user), workshopId: second.workshop.id })).versions).toEqual([]);
  });
});
