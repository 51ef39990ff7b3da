import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createLessonRow, createMember, createWorkshopWithBlankNote, viewerOf } from "@/test/factories";
import { addBlock, paragraphsOf, writeNote } from "@/test/notes";
import { setStance } from "@/lib/lessons/set-stance";
import type { Role } from "@/lib/generated/prisma/enums";
import { findNoteAccess } from "./note-access";
import { loadNoteReferences } from "./load-note-references";
import type { NoteReferences } from "./references";
import { reopenNote, signOffNote } from "./sign-off";
import { findNoteVersions } from "./versions/find-note-versions";
import { saveNoteVersion } from "./versions/save-note-version";
import { renderNoteVersion } from "./versions/render-note-version";

const prisma = registerTestDatabase();
const ROLES: Role[] = ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"];

/** A workshop whose note holds a paragraph opening with a lesson's live phrase. */
async function workshopWithLessonInNote() {
  const workshop = await createWorkshopWithBlankNote({ title: "Sign-off workshop" });
  const members = {} as Record<Role, Awaited<ReturnType<typeof createMember>>>;
  for (const role of ROLES) members[role] = await createMember(workshop.id, role);
  const lesson = await createLessonRow(workshop.id, members.PARTICIPANT.user.id, [], "Mandates must match resources");
  await writeNote(workshop.id, (fragment) => {
    addBlock(fragment, "paragraph", "Introduction.");
    const paragraph = new Y.XmlElement("paragraph");
    fragment.push([paragraph]);
    const ref = new Y.XmlElement("lessonRef");
    ref.setAttribute("lessonId", lesson.id);
    paragraph.insert(0, [ref, new Y.XmlText(" mandates must match resources.")]);
  });
  return { workshop, members, lesson, viewer: (role: Role) => viewerOf(members[role].user) };
}

const referencesNow = (workshopId: string, lessonId: string) => loadNoteReferences({ workshopId, locale: "en", ids: { lessonIds: [lessonId], passageIds: [] } });

async function canEditByRole(workshopId: string, members: Record<Role, { user: { id: string } }>) {
  return Promise.all(ROLES.map(async (role) => (await findNoteAccess(workshopId, members[role].user.id))?.canEdit));
}

describe("signing off the note", () => {
  it("keeps a SIGN_OFF version with the phrases frozen, makes the note read-only for everyone, and refuses a second sign-off", async () => {
    const { workshop, members, lesson, viewer } = await workshopWithLessonInNote();
    const live = await referencesNow(workshop.id, lesson.id);
    expect(live.lessons[lesson.id]).toMatchObject({ state: "live" });

    const version = await signOffNote({ viewer: viewer("RAPPORTEUR"), workshopId: workshop.id, locale: "en" });
    expect(version).toMatchObject({ kind: "SIGN_OFF", name: "" });
    const row = await prisma().meetingNoteVersion.findUniqueOrThrow({ where: { id: version.id } });
    const frozen = row.references as unknown as NoteReferences;
    expect(frozen.lessons[lesson.id]).toEqual({ ...live.lessons[lesson.id], state: "frozen" });
    expect(paragraphsOf(row.content)).toEqual(["Introduction.", " mandates must match resources."]);
    expect((await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: workshop.id } })).signedOffAt).not.toBeNull();

    // Read-only for everyone: the socket layer asks findNoteAccess on every update.
    expect(await canEditByRole(workshop.id, members)).toEqual([false, false, false, false]);
    await expectAppError(saveNoteVersion({ viewer: viewer("ORGANIZER"), workshopId: workshop.id, input: { name: "After" } }), "CONFLICT", "noteAccess.signedOff");
    await expectAppError(signOffNote({ viewer: viewer("ORGANIZER"), workshopId: workshop.id, locale: "en" }), "CONFLICT", "noteAccess.signedOff");
    await expectAppError(signOffNote({ viewer: viewer("PARTICIPANT"), workshopId: workshop.id, locale: "en" }), "FORBIDDEN", "forbidden");
    expect((await findNoteVersions({ viewer: viewer("OBSERVER"), workshopId: workshop.id })).versions.map((v) => v.kind)).toEqual(["SIGN_OFF"]);

    // The counts move on; the signed-off note keeps the phrase it had.
    for (const role of ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT"] as const) {
      await setStance({ viewer: viewer(role), workshopId: workshop.id, lessonId: lesson.id, input: { stance: "ENDORSE" } });
    }
    expect((await referencesNow(workshop.id, lesson.id)).lessons[lesson.id]).toEqual({ ...live.lessons[lesson.id], state: "frozen" });
    // Its page shows the frozen phrase.
    const page = await renderNoteVersion({ viewer: viewer("OBSERVER"), workshopId: workshop.id, versionId: version.id, locale: "en" });
    expect(page.html).toContain(`${live.lessons[lesson.id]!.phrase}</span> mandates must match resources.`);
  });

  it("is reopened by an organizer only, as a draft starting from the signed-off text whose phrases are live again", async () => {
    const { workshop, members, lesson, viewer } = await workshopWithLessonInNote();
    await expectAppError(reopenNote({ viewer: viewer("ORGANIZER"), workshopId: workshop.id }), "CONFLICT", "noteAccess.notSignedOff");
    const before = await referencesNow(workshop.id, lesson.id);
    const signed = await signOffNote({ viewer: viewer("ORGANIZER"), workshopId: workshop.id, locale: "en" });
    for (const role of ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT"] as const) {
      await setStance({ viewer: viewer(role), workshopId: workshop.id, lessonId: lesson.id, input: { stance: "ENDORSE" } });
    }
    await expectAppError(reopenNote({ viewer: viewer("RAPPORTEUR"), workshopId: workshop.id }), "FORBIDDEN", "forbidden");

    await reopenNote({ viewer: viewer("ORGANIZER"), workshopId: workshop.id });
    const note = await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: workshop.id } });
    expect(note.signedOffAt).toBeNull();
    const frozen = await prisma().meetingNoteVersion.findUniqueOrThrow({ where: { id: signed.id } });
    expect(note.content).toEqual(frozen.content);
    expect(await canEditByRole(workshop.id, members)).toEqual([true, true, true, false]);
    const after = (await referencesNow(workshop.id, lesson.id)).lessons[lesson.id];
    expect(after).toMatchObject({ state: "live" });
    expect(after!.phrase).not.toBe(before.lessons[lesson.id]!.phrase);
    // The signed-off version stays.
    expect((await findNoteVersions({ viewer: viewer("PARTICIPANT"), workshopId: workshop.id })).versions.map((v) => v.id)).toEqual([signed.id]);
  });
});
