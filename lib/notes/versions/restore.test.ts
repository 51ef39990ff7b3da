import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createWorkshop, viewerOf } from "@/test/factories";
import { paragraphsOf, setNoteParagraphs } from "@/test/notes";
import { getNoteVersion } from "./get-note-version";
import { findNoteVersions } from "./find-note-versions";
import { restoreNoteVersion } from "./restore-note-version";
import { saveNoteVersion } from "./save-note-version";

const prisma = registerTestDatabase();

const storedParagraphs = async (workshopId: string) => paragraphsOf((await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId } })).content);

describe("restoring a note version", () => {
  it("keeps the current text as a BEFORE_RESTORE version, then makes the note read as the version did", async () => {
    const workshop = await createWorkshop();
    const rapporteur = await createMember(workshop.id, "RAPPORTEUR");
    const viewer = viewerOf(rapporteur.user);
    await setNoteParagraphs(workshop.id, ["Morning text."]);
    const morning = await saveNoteVersion({ viewer, workshopId: workshop.id, input: { name: "Morning" } });
    await setNoteParagraphs(workshop.id, ["Afternoon text.", "With a second paragraph."]);

    const { kept } = await restoreNoteVersion({ viewer, workshopId: workshop.id, versionId: morning.id });
    expect(kept).toMatchObject({ kind: "BEFORE_RESTORE", name: "Morning" });
    expect(await storedParagraphs(workshop.id)).toEqual(["Morning text."]);
    // Nothing lost: the afternoon's text is a version, and restoring it brings it back.
    expect(paragraphsOf((await getNoteVersion({ viewer, workshopId: workshop.id, versionId: kept.id })).content)).toEqual(["Afternoon text.", "With a second paragraph."]);
    await restoreNoteVersion({ viewer, workshopId: workshop.id, versionId: kept.id });
    expect(await storedParagraphs(workshop.id)).toEqual(["Afternoon text.", "With a second paragraph."]);
    const { versions } = await findNoteVersions({ viewer, workshopId: workshop.id });
    expect(versions.map((version) => [version.kind, version.name])).toEqual([
      ["BEFORE_RESTORE", "Morning"],
      ["BEFORE_RESTORE", "Morning"],
      ["NAMED", "Morning"],
    ]);
  });

  it("is for organizers and rapporteurs, on a draft", async () => {
    const workshop = await createWorkshop();
    const organizer = await createMember(workshop.id, "ORGANIZER");
    const participant = await createMember(workshop.id, "PARTICIPANT");
    await setNoteParagraphs(workshop.id, ["Kept."]);
    const version = await saveNoteVersion({ viewer: viewerOf(participant.user), workshopId: workshop.id, input: { name: "Participant's" } });
    await setNoteParagraphs(workshop.id, ["Changed."]);
    await expectAppError(restoreNoteVersion({ viewer: viewerOf(participant.user), workshopId: workshop.id, versionId: version.id }), "FORBIDDEN", "forbidden");
    await prisma().meetingNote.update({ where: { workshopId: workshop.id }, data: { signedOffAt: new Date() } });
    await expectAppError(restoreNoteVersion({ viewer: viewerOf(organizer.user), workshopId: workshop.id, versionId: version.id }), "CONFLICT", "noteAccess.signedOff");
    expect(await storedParagraphs(workshop.id)).toEqual(["Changed."]);
    expect(await prisma().meetingNoteVersion.count({ where: { note: { workshopId: workshop.id } } })).toBe(1);
  });
});
