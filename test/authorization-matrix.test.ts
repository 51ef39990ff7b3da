/**
 * The authorization matrix: every workshop-scoped domain operation that a page, route or server
 * action calls, for every role, a non-member and a member of another workshop, in an open and a
 * closed workshop. Each cell checks both the answer and the database: a refused call changes
 * nothing, an allowed one changes only what it should.
 *
 * Cells that are expected to change nothing (refusals, reads) share one pair of workshops per
 * status, which keeps the file fast; a cell that changed it anyway fails, and the next cell gets
 * a fresh pair. Allowed writes always get a fresh pair.
 *
 * Outsiders (non-members, members of another workshop) always get NOT_FOUND, never FORBIDDEN,
 * so that ids reveal nothing.
 */

import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import type { Invitation, Lesson, MeetingNoteVersion, Membership, Role, Source, Theme, ThemeProposal, User, Workshop } from "@/lib/generated/prisma/client";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { findPendingInvitations } from "@/lib/invitations/find-pending-invitations";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { findMembers } from "@/lib/members/find-members";
import { removeMember } from "@/lib/members/remove-member";
import { getSource } from "@/lib/sources/get-source";
import { createSource as addSource } from "@/lib/sources/create-source";
import { reviseSource } from "@/lib/sources/revise-source";
import { exportNote } from "@/lib/notes/export-note";
import { getNoteReferences } from "@/lib/notes/get-note-references";
import { findNoteVersions } from "@/lib/notes/versions/find-note-versions";
import { getNoteVersion } from "@/lib/notes/versions/get-note-version";
import { saveNoteVersion } from "@/lib/notes/versions/save-note-version";
import { restoreNoteVersion } from "@/lib/notes/versions/restore-note-version";
import { reopenNote, signOffNote } from "@/lib/notes/sign-off";
import { updateNoteSettings } from "@/lib/workshops/update-note-settings";
import { checkNoteGuard } from "@/lib/notes/guard/check-note-guard";
import { dismissGuardWarning } from "@/lib/notes/guard/dismiss-guard-warning";
import { undoGuardDismissal } from "@/lib/notes/guard/undo-guard-dismissal";
import { changeWorkshopStatus } from "@/lib/workshops/change-workshop-status";
import { getWorkshopOverview } from "@/lib/workshops/get-workshop-overview";
import { updateWorkshop } from "@/lib/workshops/update-workshop";
import { setAnnotationHidden } from "@/lib/annotations/moderate";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { createReply } from "@/lib/annotations/replies";
import { findSourceAnnotations } from "@/lib/annotations/find-source-annotations";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { findThemes } from "@/lib/themes/find-themes";
import { createTheme } from "@/lib/themes/create-theme";
import { updateTheme } from "@/lib/themes/update-theme";
import { reorderThemes } from "@/lib/themes/reorder-themes";
import { deleteTheme } from "@/lib/themes/delete-theme";
import { mergeThemes } from "@/lib/themes/merge-themes";
import { getThemeUsage } from "@/lib/themes/get-theme-usage";
import { exportCodebook } from "@/lib/themes/export-codebook";
import { importCodebook } from "@/lib/themes/import-codebook";
import { proposeTheme } from "@/lib/themes/propose-theme";
import { findThemeProposals } from "@/lib/themes/find-theme-proposals";
import { acceptThemeProposal } from "@/lib/themes/accept-theme-proposal";
import { declineThemeProposal } from "@/lib/themes/decline-theme-proposal";
import { createWorkshop as createWorkshopFromForm } from "@/lib/workshops/create-workshop";
import { getPassage } from "@/lib/passages/get-passage";
import { pickPassageForNote } from "@/lib/passages/pick-passage-for-note";
import { findLessons } from "@/lib/lessons/find-lessons";
import { getReview } from "@/lib/review/get-review";
import { getSourceCoverage } from "@/lib/review/get-source-coverage";
import { getLesson } from "@/lib/lessons/get-lesson";
import { createLesson } from "@/lib/lessons/create-lesson";
import { updateLesson } from "@/lib/lessons/update-lesson";
import { deleteLesson } from "@/lib/lessons/delete-lesson";
import { setLessonHidden } from "@/lib/lessons/set-lesson-hidden";
import { setStance } from "@/lib/lessons/set-stance";
import { mergeLessons } from "@/lib/lessons/merge-lessons";
import { revealStances } from "@/lib/lessons/reveal-stances";
import { dismissMergeNotice } from "@/lib/lessons/dismiss-merge-notice";
import { findSimilarLessons } from "@/lib/lessons/find-similar-lessons";
import { getLessonSettings } from "@/lib/lessons/get-lesson-settings";
import { updateLessonSettings } from "@/lib/lessons/update-lesson-settings";
import { searchWorkshop } from "@/lib/search/search-workshop";
import { compareWorkshops } from "@/lib/compare/compare-workshops";
import { exportLessons } from "@/lib/exports/export-lessons";
import { exportWorkshopAnnotations } from "@/lib/exports/export-workshop-annotations";
import { exportArchive, getArchiveManifest } from "@/lib/exports/export-archive";
import { updateRetention } from "@/lib/retention/update-retention";
import { registerTestDatabase } from "./db";
import { expectAppError } from "./expect-app-error";
import { createAnnotationRow, createLessonRow, createMember, createProposalRow, createSource, createTheme as createThemeRow, createUser, createWorkshop, viewerOf } from "./factories";
import { ownershipOf } from "@/lib/ownership/ownership";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { sealWorkshop } from "@/lib/ownership/seal-workshop";

const prisma = registerTestDatabase();

const ROLES = ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"] as const satisfies readonly Role[];
const OUTSIDERS = ["non-member", "organizer of another workshop"] as const;
const ACTORS = [...ROLES, ...OUTSIDERS] as const;
const STATUSES = ["OPEN", "CLOSED"] as const;

type Actor = (typeof ACTORS)[number];
type Status = (typeof STATUSES)[number];

// ---------- fixture: the workshop under test, and another one with its own organizer ----------

interface SideWorkshop {
  workshop: Workshop;
  source: Source;
  invitation: Invitation;
  annotation: { id: string; passageId: string };
  /** Two themes; the annotation is tagged with the first. */
  themes: [Theme, Theme];
  /** A pending theme proposal. */
  proposal: ThemeProposal;
  /** Two lessons tagged with the second theme: the first by the participant (endorsed by the rapporteur), the second by the rapporteur. */
  lessons: [Lesson, Lesson];
  /** A kept version of the workshop's note (its note holds one paragraph). */
  noteVersion: MeetingNoteVersion;
}

interface Fixture extends SideWorkshop {
  members: Record<Role, { user: User; membership: Membership }>;
  nonMember: User;
  other: SideWorkshop & { organizer: User };
}

async function pendingInvitation(workshopId: string, invitedById: string): Promise<Invitation> {
  return prisma().invitation.create({
    data: {
      workshopId,
      invitedById,
      email: `pending-${crypto.randomBytes(4).toString("hex")}@example.test`,
      role: "PARTICIPANT",
      tokenHash: crypto.randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
    },
  });
}

/** An annotation on the source, written by `authorId` (straight into the database). */
async function annotationOn(source: Source, authorId: string): Promise<{ id: string; passageId: string }> {
  return createAnnotationRow(source, authorId, { start: 0, end: 6 });
}

/** A codebook of two themes, the first tagged on the annotation, and a pending proposal. */
async function codebookOf(workshopId: string, annotationId: string, proposerId: string, label: string) {
  const themes: [Theme, Theme] = [await createThemeRow(workshopId, `${label} first theme`), await createThemeRow(workshopId, `${label} second theme`)];
  await prisma().annotationTheme.create({ data: { annotationId, themeId: themes[0].id } });
  const proposal = await createProposalRow(workshopId, proposerId, { name: `${label} proposed theme`, reason: "Needed" });
  return { themes, proposal };
}

/** Two lessons tagged with a theme, the first endorsed by `stanceBy` (straight into the database). */
async function lessonsOf(workshopId: string, themeId: string, firstAuthorId: string, secondAuthorId: string): Promise<[Lesson, Lesson]> {
  const first = await createLessonRow(workshopId, firstAuthorId, [themeId], "First lesson");
  const second = await createLessonRow(workshopId, secondAuthorId, [themeId], "Second lesson");
  const key = await findWorkshopKey(prisma(), workshopId);
  await prisma().stance.create({ data: { lessonId: first.id, kind: "ENDORSE", ownerTag: ownershipOf(key, secondAuthorId).tagFor({ kind: "stance", lessonId: first.id }) } });
  return [first, second];
}

/** The note says "my delegation" (a guard warning); an earlier warning was dismissed. */
const GUARD_NOTE = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "As my delegation said." }] }] };
const DISMISSED_FINGERPRINT = "0".repeat(32);

/**
 * The workshop's note (GUARD_NOTE, with one dismissed guard warning) and a named version of it
 * holding one paragraph of `text` (straight into the database).
 */
async function noteVersionOf(workshopId: string, text: string): Promise<MeetingNoteVersion> {
  const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
  const note = await prisma().meetingNote.create({ data: { workshopId, content: GUARD_NOTE } });
  await prisma().noteGuardDismissal.create({ data: { noteId: note.id, fingerprint: DISMISSED_FINGERPRINT, reason: "Dismissed by the fixture" } });
  return prisma().meetingNoteVersion.create({ data: { noteId: note.id, name: `${text} version`, yState: new Uint8Array([0, 0]), content } });
}

async function buildFixture(status: Status): Promise<Fixture> {
  const workshop = await createWorkshop({ title: "Workshop under test" });
  const members = {} as Fixture["members"];
  for (const role of ROLES) members[role] = await createMember(workshop.id, role);
  const source = await createSource(workshop.id, { title: "Source under test" });
  const invitation = await pendingInvitation(workshop.id, members.ORGANIZER.user.id);
  const annotation = await annotationOn(source, members.PARTICIPANT.user.id);
  const codebook = await codebookOf(workshop.id, annotation.id, members.PARTICIPANT.user.id, "This");
  const lessons = await lessonsOf(workshop.id, codebook.themes[1].id, members.PARTICIPANT.user.id, members.RAPPORTEUR.user.id);
  const noteVersion = await noteVersionOf(workshop.id, "This note");
  // Closed only once its content exists (a closed workshop takes no proposals).
  await prisma().workshop.update({ where: { id: workshop.id }, data: { status } });

  const otherWorkshop = await createWorkshop({ title: "Another workshop" });
  const { user: otherOrganizer } = await createMember(otherWorkshop.id, "ORGANIZER");
  const otherSource = await createSource(otherWorkshop.id, { title: "Another source" });
  const otherAnnotation = await annotationOn(otherSource, otherOrganizer.id);
  const otherCodebook = await codebookOf(otherWorkshop.id, otherAnnotation.id, otherOrganizer.id, "Other");
  const other = {
    workshop: otherWorkshop,
    organizer: otherOrganizer,
    source: otherSource,
    invitation: await pendingInvitation(otherWorkshop.id, otherOrganizer.id),
    annotation: otherAnnotation,
    ...otherCodebook,
    lessons: await lessonsOf(otherWorkshop.id, otherCodebook.themes[1].id, otherOrganizer.id, otherOrganizer.id),
    noteVersion: await noteVersionOf(otherWorkshop.id, "Other note"),
  };
  return {
    workshop: await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } }),
    members,
    source,
    invitation,
    annotation,
    ...codebook,
    lessons,
    noteVersion,
    nonMember: await createUser(),
    other,
  };
}

function viewerFor(fixture: Fixture, actor: Actor): Viewer {
  if (actor === "non-member") return viewerOf(fixture.nonMember);
  if (actor === "organizer of another workshop") return viewerOf(fixture.other.organizer);
  return viewerOf(fixture.members[actor].user);
}

/** Everything the operations could touch, in both workshops. */
async function snapshot(fixture: Fixture) {
  const db = prisma();
  const ids = [fixture.workshop.id, fixture.other.workshop.id];
  const byWorkshop = { where: { workshopId: { in: ids } }, orderBy: { id: "asc" as const } };
  const [workshops, memberships, invitations, sources, annotations, outbox] = await Promise.all([
    db.workshop.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }),
    db.membership.findMany(byWorkshop),
    db.invitation.findMany(byWorkshop),
    db.source.findMany(byWorkshop),
    db.annotation.findMany(byWorkshop),
    db.outboxMessage.count(),
  ]);
  const [themes, themeProposals, annotationThemes, workshopCount, ownershipKeys] = await Promise.all([
    db.theme.findMany(byWorkshop),
    db.themeProposal.findMany(byWorkshop),
    db.annotationTheme.findMany({ where: { annotation: { workshopId: { in: ids } } }, include: { annotation: { select: { workshopId: true } } }, orderBy: [{ annotationId: "asc" }, { themeId: "asc" }] }),
    // Creating a workshop from a codebook adds one: refusals must not.
    db.workshop.count(),
    db.workshopOwnershipKey.findMany({ where: { workshopId: { in: ids } }, orderBy: { workshopId: "asc" } }),
  ]);
  const byLesson = { where: { lesson: { workshopId: { in: ids } } } };
  const [lessons, lessonThemes, lessonEvidence, stances, mergeNotices] = await Promise.all([
    db.lesson.findMany(byWorkshop),
    db.lessonTheme.findMany({ ...byLesson, orderBy: [{ lessonId: "asc" }, { themeId: "asc" }] }),
    db.lessonEvidence.findMany({ ...byLesson, orderBy: { id: "asc" } }),
    db.stance.findMany({ ...byLesson, orderBy: { id: "asc" } }),
    db.lessonMergeNotice.findMany(byWorkshop),
  ]);
  const [notes, noteVersions, noteGuardDismissals] = await Promise.all([
    db.meetingNote.findMany({ ...byWorkshop, select: { id: true, workshopId: true, yState: true, content: true, signedOffAt: true } }),
    db.meetingNoteVersion.findMany({ where: { note: { workshopId: { in: ids } } }, orderBy: { id: "asc" } }),
    db.noteGuardDismissal.findMany({ where: { note: { workshopId: { in: ids } } }, include: { note: { select: { workshopId: true } } }, orderBy: { id: "asc" } }),
  ]);
  return {
    workshops, memberships, invitations, sources, annotations, outbox, themes, themeProposals, annotationThemes, workshopCount, ownershipKeys,
    lessons, lessonThemes, lessonEvidence, stances, mergeNotices, notes, noteVersions, noteGuardDismissals,
  };
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** The part of a snapshot that belongs to the other workshop. */
function otherPart(fixture: Fixture, snap: Snapshot) {
  const id = fixture.other.workshop.id;
  return {
    workshops: snap.workshops.filter((row) => row.id === id),
    memberships: snap.memberships.filter((row) => row.workshopId === id),
    invitations: snap.invitations.filter((row) => row.workshopId === id),
    sources: snap.sources.filter((row) => row.workshopId === id),
    annotations: snap.annotations.filter((row) => row.workshopId === id),
    themes: snap.themes.filter((row) => row.workshopId === id),
    themeProposals: snap.themeProposals.filter((row) => row.workshopId === id),
    annotationThemes: snap.annotationThemes.filter((row) => row.annotation.workshopId === id),
    lessons: snap.lessons.filter((row) => row.workshopId === id),
    stances: snap.stances.filter((row) => snap.lessons.some((lesson) => lesson.id === row.lessonId && lesson.workshopId === id)),
    notes: snap.notes.filter((row) => row.workshopId === id),
    noteVersions: snap.noteVersions.filter((row) => snap.notes.some((note) => note.id === row.noteId && note.workshopId === id)),
    noteGuardDismissals: snap.noteGuardDismissals.filter((row) => row.note.workshopId === id),
  };
}

// ---------- the operations ----------

/** Which permission class an operation falls in (see expectedOutcome). */
type Kind = "view" | "organizer view" | "export" | "status change" | "moderation" | "write" | "source write" | "proposal" | "lesson write" | "lesson merge" | "note edit";

interface Operation {
  name: string;
  kind: Kind;
  /** Whether the call names items (source, invitation, membership) of the workshop besides its id. */
  namesItems: boolean;
  /** Calls the operation; `workshopId` is the workshop under test unless a cross-workshop case says otherwise. */
  run(fixture: Fixture, viewer: Viewer, workshopId: string): Promise<unknown>;
  /** For an allowed call: checks the result and what changed (`before` is the snapshot taken before). */
  verify(fixture: Fixture, result: unknown, before: Snapshot, actor: Role): Promise<void>;
  /** The message key when an item named is not in the workshop given (default "notFound"). */
  itemNotFoundKey?: string;
  /** For an operation outside the usual classes: the expected outcome per actor and status. */
  expected?: (actor: Actor, status: Status) => Outcome;
}

const unchanged = async (fixture: Fixture, _result: unknown, before: Snapshot) => {
  expect(await snapshot(fixture)).toEqual(before);
};

const NEW_TITLE = "Renamed by the matrix";
const ADDED_SOURCE = "Added by the matrix";
const REVISED_TEXT = "Revised by the matrix.";
const INVITEE = "matrix-invitee@example.test";

const OPERATIONS: Operation[] = [
  {
    name: "getWorkshopOverview",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => getWorkshopOverview({ viewer, workshopId }),
    async verify(fixture, result, before, actor) {
      const overview = result as Awaited<ReturnType<typeof getWorkshopOverview>>;
      expect(overview.workshop).toMatchObject({ id: fixture.workshop.id, myRole: actor });
      expect(overview.sources.map((source) => source.id)).toEqual([fixture.source.id]);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "getSource",
    kind: "view",
    namesItems: true,
    run: (fixture, viewer, workshopId) => getSource({ viewer, workshopId, sourceId: fixture.source.id }),
    async verify(fixture, result, before) {
      expect((result as Awaited<ReturnType<typeof getSource>>).source).toMatchObject({ id: fixture.source.id, text: fixture.source.text });
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "findThemes",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => findThemes({ viewer, workshopId }),
    async verify(fixture, result, before) {
      expect((result as Awaited<ReturnType<typeof findThemes>>).map((theme) => theme.id)).toEqual(fixture.themes.map((theme) => theme.id));
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "getPassage",
    kind: "view",
    namesItems: true,
    run: (fixture, viewer, workshopId) => getPassage({ viewer, workshopId, passageId: fixture.annotation.passageId }),
    async verify(fixture, result, before) {
      expect(result).toMatchObject({ id: fixture.annotation.passageId, source: { id: fixture.source.id }, quote: { exact: "Source" } });
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "pickPassageForNote",
    kind: "note edit",
    namesItems: true,
    // "Source text N.": the word "text", a span no annotation holds yet.
    run: (fixture, viewer, workshopId) => pickPassageForNote({ viewer, workshopId, input: { sourceId: fixture.source.id, start: 7, end: 11 } }),
    async verify(fixture, result) {
      expect(result).toMatchObject({ sourceId: fixture.source.id, quote: { exact: "text" }, state: "PLACED" });
      expect(await prisma().passage.count({ where: { sourceId: fixture.source.id, exact: "text" } })).toBe(1);
    },
  },
  {
    name: "exportNote",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => exportNote({ viewer, workshopId, format: "md", locale: "en" }),
    async verify(fixture, result, before) {
      expect((result as Awaited<ReturnType<typeof exportNote>>).body).toContain(fixture.workshop.title);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "getNoteReferences",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => getNoteReferences({ viewer, workshopId, locale: "en" }),
    async verify(fixture, result, before) {
      const { references, panel } = result as Awaited<ReturnType<typeof getNoteReferences>>;
      expect(references).toEqual({ lessons: {}, passages: {} });
      expect(panel.themes.map((theme) => theme.id)).toEqual(fixture.themes.map((theme) => theme.id));
      expect(panel.themes[1]!.lessons.map((lesson) => lesson.id).sort()).toEqual(fixture.lessons.map((lesson) => lesson.id).sort());
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "checkNoteGuard",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => checkNoteGuard({ viewer, workshopId }),
    async verify(fixture, result, before, actor) {
      const check = result as Awaited<ReturnType<typeof checkNoteGuard>>;
      expect(check.warnings.map((warning) => [warning.kind, warning.excerpt])).toEqual([["phrase", "my delegation"]]);
      expect(check.isDetailed).toBe(actor === "ORGANIZER" || actor === "RAPPORTEUR");
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "findNoteVersions",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => findNoteVersions({ viewer, workshopId }),
    async verify(fixture, result, before) {
      const { versions } = result as Awaited<ReturnType<typeof findNoteVersions>>;
      expect(versions.map((version) => [version.id, version.name, version.kind])).toEqual([[fixture.noteVersion.id, "This note version", "NAMED"]]);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "checkNoteGuard (the editor's blocks)",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => checkNoteGuard({ viewer, workshopId, text: ["Au nom de la France."] }),
    async verify(fixture, result, before) {
      expect((result as Awaited<ReturnType<typeof checkNoteGuard>>).warnings.map((warning) => warning.excerpt)).toEqual(["Au nom de la France"]);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "getNoteVersion",
    kind: "view",
    namesItems: true,
    run: (fixture, viewer, workshopId) => getNoteVersion({ viewer, workshopId, versionId: fixture.noteVersion.id }),
    async verify(fixture, result, before) {
      expect(result).toMatchObject({ version: { id: fixture.noteVersion.id }, content: fixture.noteVersion.content as object });
      await unchanged(fixture, result, before);
    },
  },
  {
    // Who may write the note may keep a version of it: everyone but observers (participants
    // while the setting lets them, which it does here), in an open workshop.
    name: "saveNoteVersion",
    kind: "lesson write",
    namesItems: false,
    run: (_f, viewer, workshopId) => saveNoteVersion({ viewer, workshopId, input: { name: "Kept by the matrix" } }),
    async verify(fixture, result, before) {
      expect(result).toMatchObject({ name: "Kept by the matrix", kind: "NAMED" });
      const { noteVersions, ...after } = await snapshot(fixture);
      expect(noteVersions).toHaveLength(before.noteVersions.length + 1);
      expect(noteVersions.find((version) => version.name === "Kept by the matrix")?.noteId).toBe(fixture.noteVersion.noteId);
      expect({ ...after, noteVersions: before.noteVersions }).toEqual(before);
    },
  },
  {
    // Restoring replaces everyone's text: organizers and rapporteurs, in an open workshop.
    name: "restoreNoteVersion",
    kind: "lesson merge",
    namesItems: true,
    run: (fixture, viewer, workshopId) => restoreNoteVersion({ viewer, workshopId, versionId: fixture.noteVersion.id }),
    async verify(fixture, result) {
      expect(result).toMatchObject({ kept: { kind: "BEFORE_RESTORE", name: fixture.noteVersion.name } });
      const note = await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: fixture.workshop.id } });
      expect(note.content).toEqual(fixture.noteVersion.content);
      expect(await prisma().meetingNoteVersion.count({ where: { noteId: note.id, kind: "BEFORE_RESTORE" } })).toBe(1);
    },
  },
  {
    name: "signOffNote",
    kind: "lesson merge",
    namesItems: false,
    run: (_f, viewer, workshopId) => signOffNote({ viewer, workshopId, locale: "en" }),
    async verify(fixture, result) {
      expect(result).toMatchObject({ kind: "SIGN_OFF" });
      const note = await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: fixture.workshop.id } });
      expect(note.signedOffAt).not.toBeNull();
      expect(await prisma().meetingNoteVersion.count({ where: { noteId: note.id, kind: "SIGN_OFF" } })).toBe(1);
    },
  },
  {
    // Organizers only; the fixture's note is a draft, so the organizer of an open workshop is
    // told there is nothing to reopen (the reopening itself: lib/notes/sign-off.test.ts).
    name: "reopenNote",
    kind: "write",
    namesItems: false,
    expected: (actor, status) => {
      const outcome = expectedOutcome("write", actor, status);
      return outcome.allowed ? { allowed: false, code: "CONFLICT", messageKey: "noteAccess.notSignedOff" } : outcome;
    },
    run: (_f, viewer, workshopId) => reopenNote({ viewer, workshopId }),
    verify: unchanged,
  },
  {
    name: "updateNoteSettings",
    kind: "write",
    namesItems: false,
    run: (_f, viewer, workshopId) => updateNoteSettings({ viewer, workshopId, input: { participantsEditNote: false } }),
    async verify(fixture) {
      expect((await prisma().workshop.findUniqueOrThrow({ where: { id: fixture.workshop.id } })).participantsEditNote).toBe(false);
    },
  },
  {
    name: "findMembers",
    kind: "organizer view",
    namesItems: false,
    run: (_f, viewer, workshopId) => findMembers({ viewer, workshopId }),
    async verify(fixture, result, before) {
      const ids = (result as Awaited<ReturnType<typeof findMembers>>).map((member) => member.membershipId).sort();
      expect(ids).toEqual(ROLES.map((role) => fixture.members[role].membership.id).sort());
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "findPendingInvitations",
    kind: "organizer view",
    namesItems: false,
    run: (_f, viewer, workshopId) => findPendingInvitations({ viewer, workshopId }),
    async verify(fixture, result, before) {
      expect((result as Awaited<ReturnType<typeof findPendingInvitations>>).map((i) => i.id)).toEqual([fixture.invitation.id]);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "updateWorkshop",
    kind: "write",
    namesItems: false,
    run: (_f, viewer, workshopId) => updateWorkshop({ viewer, workshopId, input: { title: NEW_TITLE } }),
    async verify(fixture) {
      expect((await prisma().workshop.findUniqueOrThrow({ where: { id: fixture.workshop.id } })).title).toBe(NEW_TITLE);
    },
  },
  {
    name: "changeWorkshopStatus",
    kind: "status change",
    namesItems: false,
    run: (fixture, viewer, workshopId) =>
      changeWorkshopStatus({ viewer, workshopId, status: fixture.workshop.status === "OPEN" ? "CLOSED" : "OPEN" }),
    async verify(fixture) {
      const { status } = await prisma().workshop.findUniqueOrThrow({ where: { id: fixture.workshop.id } });
      expect(status).toBe(fixture.workshop.status === "OPEN" ? "CLOSED" : "OPEN");
    },
  },
  {
    name: "findSourceAnnotations",
    kind: "view",
    namesItems: true,
    run: (fixture, viewer, workshopId) => findSourceAnnotations({ viewer, workshopId, sourceId: fixture.source.id }),
    async verify(fixture, result, before) {
      expect((result as Awaited<ReturnType<typeof findSourceAnnotations>>).map((annotation) => annotation.id)).toEqual([fixture.annotation.id]);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "exportAnnotations",
    kind: "view",
    namesItems: true,
    run: (fixture, viewer, workshopId) => exportAnnotations({ viewer, workshopId, sourceId: fixture.source.id, format: "csv", locale: "en" }),
    async verify(fixture, result, before) {
      expect((result as Awaited<ReturnType<typeof exportAnnotations>>).body).toContain("Source");
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "createAnnotation",
    kind: "lesson write",
    namesItems: true,
    // "Source text N.": the word "text".
    run: (fixture, viewer, workshopId) => createAnnotation({ viewer, workshopId, sourceId: fixture.source.id, input: { start: 7, end: 11, comment: "Added by the matrix" } }),
    async verify(fixture, _result, before) {
      const after = await snapshot(fixture);
      expect(after.annotations.filter((row) => row.workshopId === fixture.workshop.id).map((row) => row.comment).sort()).toEqual(["", "Added by the matrix"]);
      expect(after.annotations).toHaveLength(before.annotations.length + 1);
    },
  },
  {
    name: "updateAnnotation",
    kind: "lesson write",
    namesItems: true,
    expected: authorOnly,
    run: (fixture, viewer, workshopId) => updateAnnotation({ viewer, workshopId, annotationId: fixture.annotation.id, input: { comment: "Changed by the matrix" } }),
    async verify(fixture) {
      expect((await prisma().annotation.findUniqueOrThrow({ where: { id: fixture.annotation.id } })).comment).toBe("Changed by the matrix");
    },
  },
  {
    name: "deleteAnnotation",
    kind: "lesson write",
    namesItems: true,
    expected: authorOnly,
    run: (fixture, viewer, workshopId) => deleteAnnotation({ viewer, workshopId, annotationId: fixture.annotation.id }),
    async verify(fixture) {
      expect(await prisma().annotation.count({ where: { id: fixture.annotation.id } })).toBe(0);
    },
  },
  {
    name: "createReply",
    kind: "lesson write",
    namesItems: true,
    run: (fixture, viewer, workshopId) => createReply({ viewer, workshopId, annotationId: fixture.annotation.id, input: { body: "Replied by the matrix" } }),
    async verify(fixture) {
      expect(await prisma().annotationReply.findMany({ where: { annotationId: fixture.annotation.id }, select: { body: true } })).toEqual([{ body: "Replied by the matrix" }]);
    },
  },
  {
    name: "exportLessons",
    kind: "export",
    namesItems: false,
    run: (_f, viewer, workshopId) => exportLessons({ viewer, workshopId, format: "json", locale: "en" }),
    async verify(fixture, result, before) {
      const lessons = JSON.parse((result as Awaited<ReturnType<typeof exportLessons>>).body as string).lessons as { statement: string }[];
      expect(lessons.map((lesson) => lesson.statement).sort()).toEqual(fixture.lessons.map((lesson) => lesson.statement).sort());
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "exportWorkshopAnnotations",
    kind: "export",
    namesItems: false,
    run: (_f, viewer, workshopId) => exportWorkshopAnnotations({ viewer, workshopId }),
    async verify(fixture, result, before) {
      const collection = JSON.parse((result as Awaited<ReturnType<typeof exportWorkshopAnnotations>>).body as string);
      expect(collection.first.items.map((item: { id: string }) => item.id)).toEqual([expect.stringContaining(`#annotation-${fixture.annotation.id}`)]);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "getArchiveManifest",
    kind: "export",
    namesItems: false,
    run: (_f, viewer, workshopId) => getArchiveManifest({ viewer, workshopId, locale: "en" }),
    async verify(fixture, result, before) {
      expect((result as Awaited<ReturnType<typeof getArchiveManifest>>).parts).toHaveLength(10);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "exportArchive",
    kind: "export",
    namesItems: false,
    run: (_f, viewer, workshopId) => exportArchive({ viewer, workshopId, locale: "en" }),
    async verify(fixture, result, before) {
      // Cancelled at once: what matters here is who may start it (its content: lib/exports/exports.test.ts).
      await (result as Awaited<ReturnType<typeof exportArchive>>).stream.cancel();
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "updateRetention",
    kind: "status change",
    namesItems: false,
    run: (_f, viewer, workshopId) => updateRetention({ viewer, workshopId, input: { retentionDays: 45 } }),
    async verify(fixture, _result, before) {
      const { workshops, ...rest } = await snapshot(fixture);
      const { workshops: workshopsBefore, ...restBefore } = before;
      expect(rest).toEqual(restBefore);
      expect(workshops.map(({ id, retentionDays }) => [id, retentionDays])).toEqual(workshopsBefore.map(({ id }) => [id, id === fixture.workshop.id ? 45 : null]));
    },
  },
  {
    name: "sealWorkshop",
    kind: "status change",
    namesItems: false,
    run: (_f, viewer, workshopId) => sealWorkshop({ viewer, workshopId }),
    async verify(fixture) {
      expect(await prisma().workshopOwnershipKey.count({ where: { workshopId: fixture.workshop.id } })).toBe(0);
      expect(await prisma().annotation.count({ where: { workshopId: fixture.workshop.id, ownerTag: { not: null } } })).toBe(0);
      // The other workshop keeps its key and its owners.
      expect(await prisma().workshopOwnershipKey.count({ where: { workshopId: fixture.other.workshop.id } })).toBe(1);
    },
  },
  {
    name: "createInvitation",
    kind: "write",
    namesItems: false,
    run: (_f, viewer, workshopId) => createInvitation({ viewer, workshopId, input: { email: INVITEE, role: "OBSERVER" }, locale: "en" }),
    async verify(fixture, _result, before) {
      const created = await prisma().invitation.findMany({ where: { workshopId: fixture.workshop.id, email: INVITEE } });
      expect(created.map((row) => [row.role, row.acceptedAt, row.revokedAt])).toEqual([["OBSERVER", null, null]]);
      expect(await prisma().outboxMessage.count()).toBe(before.outbox + 1);
    },
  },
  {
    name: "revokeInvitation",
    kind: "write",
    namesItems: true,
    run: (fixture, viewer, workshopId) => revokeInvitation({ viewer, workshopId, invitationId: fixture.invitation.id }),
    async verify(fixture) {
      expect((await prisma().invitation.findUniqueOrThrow({ where: { id: fixture.invitation.id } })).revokedAt).not.toBeNull();
    },
  },
  {
    name: "changeMemberRole",
    kind: "write",
    namesItems: true,
    run: (fixture, viewer, workshopId) =>
      changeMemberRole({ viewer, workshopId, membershipId: fixture.members.PARTICIPANT.membership.id, role: "OBSERVER" }),
    async verify(fixture) {
      const { role } = await prisma().membership.findUniqueOrThrow({ where: { id: fixture.members.PARTICIPANT.membership.id } });
      expect(role).toBe("OBSERVER");
    },
  },
  {
    name: "removeMember",
    kind: "write",
    namesItems: true,
    run: (fixture, viewer, workshopId) => removeMember({ viewer, workshopId, membershipId: fixture.members.PARTICIPANT.membership.id }),
    async verify(fixture) {
      expect(await prisma().membership.findUnique({ where: { id: fixture.members.PARTICIPANT.membership.id } })).toBeNull();
    },
  },
  {
    name: "createSource",
    kind: "source write",
    namesItems: false,
    run: (_f, viewer, workshopId) =>
      addSource({ viewer, workshopId, citation: { title: ADDED_SOURCE }, content: { kind: "text", format: "TEXT", text: "Pasted text." } }),
    async verify(fixture, _result, before) {
      const sources = await prisma().source.findMany({ where: { workshopId: fixture.workshop.id }, orderBy: { position: "asc" } });
      expect(sources.map((source) => source.title)).toEqual([...before.sources.filter((s) => s.workshopId === fixture.workshop.id).map((s) => s.title), ADDED_SOURCE]);
    },
  },
  {
    name: "reviseSource",
    kind: "write",
    namesItems: true,
    run: (fixture, viewer, workshopId) => reviseSource({ viewer, workshopId, sourceId: fixture.source.id, input: { markup: REVISED_TEXT } }),
    async verify(fixture) {
      const source = await prisma().source.findUniqueOrThrow({ where: { id: fixture.source.id } });
      expect([source.text, source.revision]).toEqual([REVISED_TEXT, fixture.source.revision + 1]);
    },
  },
  {
    name: "setAnnotationHidden",
    kind: "moderation",
    namesItems: true,
    run: (fixture, viewer, workshopId) => setAnnotationHidden({ viewer, workshopId, annotationId: fixture.annotation.id, input: { hidden: true } }),
    async verify(fixture, result) {
      expect((await prisma().annotation.findUniqueOrThrow({ where: { id: fixture.annotation.id } })).hiddenAt).not.toBeNull();
      expect(JSON.stringify(result)).not.toContain(fixture.members.PARTICIPANT.user.id);
    },
  },
  // ---------- the codebook ----------
  {
    name: "exportCodebook",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => exportCodebook({ viewer, workshopId, format: "qdc" }),
    async verify(fixture, result, before) {
      const body = (result as Awaited<ReturnType<typeof exportCodebook>>).body;
      for (const theme of fixture.themes) expect(body).toContain(theme.name);
      expect(body).not.toContain(fixture.proposal.name);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "findThemeProposals",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => findThemeProposals({ viewer, workshopId }),
    async verify(fixture, result, before, actor) {
      expect(result).toEqual([expect.objectContaining({ id: fixture.proposal.id, status: "PENDING", mine: actor === "PARTICIPANT" })]);
      expect(JSON.stringify(result)).not.toContain(fixture.members.PARTICIPANT.user.id);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "createTheme",
    kind: "write",
    namesItems: false,
    run: (_f, viewer, workshopId) => createTheme({ viewer, workshopId, input: { name: "Added by the matrix" } }),
    async verify(fixture) {
      const themes = await prisma().theme.findMany({ where: { workshopId: fixture.workshop.id }, orderBy: { position: "asc" } });
      expect(themes.map((theme) => [theme.name, theme.position])).toEqual([...fixture.themes.map((theme) => [theme.name, theme.position]), ["Added by the matrix", 2]]);
    },
  },
  {
    name: "updateTheme",
    kind: "write",
    namesItems: true,
    itemNotFoundKey: "themeGone",
    run: (fixture, viewer, workshopId) => updateTheme({ viewer, workshopId, themeId: fixture.themes[0].id, input: { name: "Renamed by the matrix", color: "lime" } }),
    async verify(fixture) {
      expect(await prisma().theme.findUniqueOrThrow({ where: { id: fixture.themes[0].id } })).toMatchObject({ name: "Renamed by the matrix", color: "lime" });
    },
  },
  {
    name: "reorderThemes",
    kind: "write",
    namesItems: true,
    itemNotFoundKey: "themeGone",
    run: (fixture, viewer, workshopId) => reorderThemes({ viewer, workshopId, input: { themeId: fixture.themes[1].id, direction: "up" } }),
    async verify(fixture) {
      const themes = await prisma().theme.findMany({ where: { workshopId: fixture.workshop.id }, orderBy: { position: "asc" } });
      expect(themes.map((theme) => theme.id)).toEqual([fixture.themes[1].id, fixture.themes[0].id]);
    },
  },
  {
    name: "getThemeUsage",
    kind: "write",
    namesItems: true,
    itemNotFoundKey: "themeGone",
    run: (fixture, viewer, workshopId) => getThemeUsage({ viewer, workshopId, themeId: fixture.themes[0].id }),
    async verify(fixture, result, before) {
      expect(result).toEqual({ annotations: 1, annotationsOnlyThisTheme: 1, lessons: 0, lessonsOnlyThisTheme: 0 });
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "deleteTheme",
    kind: "write",
    namesItems: true,
    itemNotFoundKey: "themeGone",
    run: (fixture, viewer, workshopId) => deleteTheme({ viewer, workshopId, themeId: fixture.themes[0].id }),
    async verify(fixture) {
      const themes = await prisma().theme.findMany({ where: { workshopId: fixture.workshop.id } });
      expect(themes.map((theme) => [theme.id, theme.position])).toEqual([[fixture.themes[1].id, 0]]);
      expect(await prisma().annotationTheme.count({ where: { annotationId: fixture.annotation.id } })).toBe(0);
    },
  },
  {
    name: "mergeThemes",
    kind: "write",
    namesItems: true,
    itemNotFoundKey: "themeGone",
    run: (fixture, viewer, workshopId) => mergeThemes({ viewer, workshopId, themeId: fixture.themes[0].id, input: { targetId: fixture.themes[1].id } }),
    async verify(fixture) {
      const tags = await prisma().annotationTheme.findMany({ where: { annotationId: fixture.annotation.id } });
      expect(tags.map((tag) => tag.themeId)).toEqual([fixture.themes[1].id]);
      expect(await prisma().theme.count({ where: { workshopId: fixture.workshop.id } })).toBe(1);
    },
  },
  {
    name: "importCodebook",
    kind: "write",
    namesItems: false,
    run: (_f, viewer, workshopId) =>
      importCodebook({ viewer, workshopId, bytes: new TextEncoder().encode(JSON.stringify({ format: "rapporteur-codebook", version: 1, themes: [{ name: "Imported by the matrix" }] })) }),
    async verify(fixture, result) {
      expect(result).toEqual({ added: 1, skipped: 0 });
      expect(await prisma().theme.count({ where: { workshopId: fixture.workshop.id, name: "Imported by the matrix", position: 2 } })).toBe(1);
    },
  },
  {
    name: "proposeTheme",
    kind: "proposal",
    namesItems: false,
    run: (_f, viewer, workshopId) => proposeTheme({ viewer, workshopId, input: { name: "Proposed by the matrix", reason: "Why not" } }),
    async verify(fixture, result, _before, actor) {
      expect(result).toMatchObject({ name: "Proposed by the matrix", status: "PENDING", mine: true });
      const row = await prisma().themeProposal.findFirstOrThrow({ where: { workshopId: fixture.workshop.id, name: "Proposed by the matrix" } });
      const ownership = ownershipOf(await findWorkshopKey(prisma(), fixture.workshop.id), fixture.members[actor].user.id);
      expect(ownership.owns({ kind: "proposal", id: row.id }, row.ownerTag)).toBe(true);
      expect(JSON.stringify(result)).not.toContain(fixture.members[actor].user.id);
    },
  },
  {
    name: "acceptThemeProposal",
    kind: "write",
    namesItems: true,
    itemNotFoundKey: "themeProposalGone",
    run: (fixture, viewer, workshopId) => acceptThemeProposal({ viewer, workshopId, proposalId: fixture.proposal.id, input: { color: "teal" } }),
    async verify(fixture) {
      const proposal = await prisma().themeProposal.findUniqueOrThrow({ where: { id: fixture.proposal.id } });
      expect(proposal.status).toBe("ACCEPTED");
      expect(await prisma().theme.findUniqueOrThrow({ where: { id: proposal.themeId! } })).toMatchObject({ name: fixture.proposal.name, color: "teal", position: 2 });
    },
  },
  {
    name: "declineThemeProposal",
    kind: "write",
    namesItems: true,
    itemNotFoundKey: "themeProposalGone",
    run: (fixture, viewer, workshopId) => declineThemeProposal({ viewer, workshopId, proposalId: fixture.proposal.id, input: { response: "Declined by the matrix" } }),
    async verify(fixture) {
      expect(await prisma().themeProposal.findUniqueOrThrow({ where: { id: fixture.proposal.id } })).toMatchObject({ status: "DECLINED", response: "Declined by the matrix" });
    },
  },
  {
    name: "findLessons",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => findLessons({ viewer, workshopId }),
    async verify(fixture, result, before) {
      const board = result as Awaited<ReturnType<typeof findLessons>>;
      expect(board.lessons.map((lesson) => lesson.id).sort()).toEqual(fixture.lessons.map((lesson) => lesson.id).sort());
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "getReview",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => getReview({ viewer, workshopId }),
    async verify(fixture, result, before) {
      const review = result as Awaited<ReturnType<typeof getReview>>;
      expect(review.themes.flatMap((theme) => theme.lessons.map((lesson) => lesson.id)).sort()).toEqual(fixture.lessons.map((lesson) => lesson.id).sort());
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "getReview (coverage of one theme)",
    kind: "view",
    namesItems: true,
    run: (fixture, viewer, workshopId) => getReview({ viewer, workshopId, query: { themeId: fixture.themes[0].id } }),
    async verify(fixture, result, before) {
      const review = result as Awaited<ReturnType<typeof getReview>>;
      expect(review.coverage.themeId).toBe(fixture.themes[0].id);
      expect(review.coverage.sources.find((source) => source.id === fixture.source.id)).toBeDefined();
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "getSourceCoverage",
    kind: "view",
    namesItems: true,
    run: (fixture, viewer, workshopId) => getSourceCoverage({ viewer, workshopId, sourceId: fixture.source.id }),
    async verify(fixture, result, before) {
      expect((result as Awaited<ReturnType<typeof getSourceCoverage>>).some((paragraph) => paragraph.kinds.annotations)).toBe(true);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "getLesson",
    kind: "view",
    namesItems: true,
    run: (fixture, viewer, workshopId) => getLesson({ viewer, workshopId, lessonId: fixture.lessons[0].id }),
    async verify(fixture, result, before, actor) {
      expect(result).toMatchObject({ id: fixture.lessons[0].id, mine: actor === "PARTICIPANT", myStance: actor === "RAPPORTEUR" ? "ENDORSE" : null });
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "createLesson",
    kind: "lesson write",
    namesItems: false,
    run: (fixture, viewer, workshopId) => createLesson({ viewer, workshopId, input: { statement: "Written by the matrix", themeIds: [fixture.themes[1].id] } }),
    async verify(fixture, result, _before, actor) {
      expect(result).toMatchObject({ statement: "Written by the matrix", mine: true });
      expect(JSON.stringify(result)).not.toContain(fixture.members[actor].user.id);
      expect(await prisma().lesson.count({ where: { workshopId: fixture.workshop.id } })).toBe(3);
    },
  },
  {
    // The author's only (the participant): other members are told "not found".
    name: "updateLesson",
    kind: "lesson write",
    namesItems: true,
    expected: (actor, status) => authorOnly(actor, status),
    run: (fixture, viewer, workshopId) => updateLesson({ viewer, workshopId, lessonId: fixture.lessons[0].id, input: { statement: "Edited by the matrix" } }),
    async verify(fixture) {
      expect(await prisma().lesson.findUniqueOrThrow({ where: { id: fixture.lessons[0].id } })).toMatchObject({ statement: "Edited by the matrix" });
    },
  },
  {
    name: "deleteLesson",
    kind: "lesson write",
    namesItems: true,
    expected: (actor, status) => authorOnly(actor, status),
    run: (fixture, viewer, workshopId) => deleteLesson({ viewer, workshopId, lessonId: fixture.lessons[0].id }),
    async verify(fixture) {
      expect(await prisma().lesson.count({ where: { id: fixture.lessons[0].id } })).toBe(0);
      expect(await prisma().stance.count({ where: { lessonId: fixture.lessons[0].id } })).toBe(0);
    },
  },
  {
    name: "setLessonHidden",
    kind: "moderation",
    namesItems: true,
    run: (fixture, viewer, workshopId) => setLessonHidden({ viewer, workshopId, lessonId: fixture.lessons[0].id, input: { hidden: true } }),
    async verify(fixture, result) {
      expect(result).toMatchObject({ isHidden: true, mine: false });
      expect((await prisma().lesson.findUniqueOrThrow({ where: { id: fixture.lessons[0].id } })).hiddenAt).not.toBeNull();
    },
  },
  {
    name: "setStance",
    kind: "lesson write",
    namesItems: true,
    run: (fixture, viewer, workshopId) => setStance({ viewer, workshopId, lessonId: fixture.lessons[0].id, input: { stance: "DISPUTE" } }),
    async verify(fixture, result, _before, actor) {
      expect(result).toMatchObject({ myStance: "DISPUTE" });
      const kinds = (await prisma().stance.findMany({ where: { lessonId: fixture.lessons[0].id } })).map((stance) => stance.kind).sort();
      // The rapporteur changes their endorsement; anyone else adds a dispute.
      expect(kinds).toEqual(actor === "RAPPORTEUR" ? ["DISPUTE"] : ["DISPUTE", "ENDORSE"]);
    },
  },
  {
    name: "mergeLessons",
    kind: "lesson merge",
    namesItems: true,
    run: (fixture, viewer, workshopId) => mergeLessons({ viewer, workshopId, lessonId: fixture.lessons[0].id, input: { fromLessonId: fixture.lessons[1].id } }),
    async verify(fixture) {
      expect(await prisma().lesson.findUniqueOrThrow({ where: { id: fixture.lessons[1].id } })).toMatchObject({ mergedIntoId: fixture.lessons[0].id });
    },
  },
  {
    name: "findSimilarLessons",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => findSimilarLessons({ viewer, workshopId, query: "First lesson" }),
    async verify(fixture, result, before) {
      expect((result as Awaited<ReturnType<typeof findSimilarLessons>>).lessons.map((lesson) => lesson.id)).toContain(fixture.lessons[0].id);
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "searchWorkshop",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => searchWorkshop({ viewer, workshopId, query: { q: "first lesson" } }),
    async verify(fixture, result, before) {
      const lessons = (result as Awaited<ReturnType<typeof searchWorkshop>>).groups.find((group) => group.kind === "lesson");
      expect(lessons?.results.map((lesson) => lesson.id)).toContain(fixture.lessons[0].id);
      await unchanged(fixture, result, before);
    },
  },
  {
    // Tied to no one workshop: everyone signed in may compare, over their own workshops only.
    name: "compareWorkshops",
    kind: "view",
    namesItems: false,
    run: (_f, viewer) => compareWorkshops({ viewer }),
    expected: () => ALLOWED,
    async verify(fixture, result, before, actor) {
      const ids = (result as Awaited<ReturnType<typeof compareWorkshops>>).workshops.map((workshop) => workshop.id);
      expect(ids.includes(fixture.workshop.id)).toBe((ROLES as readonly string[]).includes(actor));
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "revealStances",
    kind: "write",
    namesItems: false,
    run: (_f, viewer, workshopId) => revealStances({ viewer, workshopId }),
    async verify(fixture) {
      expect((await prisma().workshop.findUniqueOrThrow({ where: { id: fixture.workshop.id } })).stancesRevealedAt).not.toBeNull();
    },
  },
  {
    name: "getLessonSettings",
    kind: "view",
    namesItems: false,
    run: (_f, viewer, workshopId) => getLessonSettings({ viewer, workshopId }),
    async verify(fixture, result, before) {
      expect(result).toMatchObject({ holdStances: false, isDefaultThresholds: true });
      await unchanged(fixture, result, before);
    },
  },
  {
    name: "updateLessonSettings",
    kind: "write",
    namesItems: false,
    run: (_f, viewer, workshopId) => updateLessonSettings({ viewer, workshopId, input: { holdStances: true } }),
    async verify(fixture) {
      expect((await prisma().workshop.findUniqueOrThrow({ where: { id: fixture.workshop.id } })).holdStances).toBe(true);
    },
  },
  {
    name: "dismissGuardWarning",
    kind: "note edit",
    namesItems: false,
    run: (_f, viewer, workshopId) => dismissGuardWarning({ viewer, workshopId, input: { fingerprint: "a".repeat(32), reason: "Dismissed by the matrix" } }),
    async verify(fixture, result) {
      expect(result).toEqual({ fingerprint: "a".repeat(32), reason: "Dismissed by the matrix" });
      const rows = await prisma().noteGuardDismissal.findMany({ where: { note: { workshopId: fixture.workshop.id } }, orderBy: { fingerprint: "asc" } });
      expect(rows.map((row) => row.fingerprint)).toEqual([DISMISSED_FINGERPRINT, "a".repeat(32)]);
    },
  },
  {
    name: "undoGuardDismissal",
    kind: "note edit",
    namesItems: false,
    run: (_f, viewer, workshopId) => undoGuardDismissal({ viewer, workshopId, fingerprint: DISMISSED_FINGERPRINT }),
    async verify(fixture) {
      expect(await prisma().noteGuardDismissal.count({ where: { note: { workshopId: fixture.workshop.id } } })).toBe(0);
    },
  },
  {
    // Deletes only the viewer's own notice (none here): any member, in any status.
    name: "dismissMergeNotice",
    kind: "view",
    namesItems: false,
    run: (fixture, viewer, workshopId) => dismissMergeNotice({ viewer, workshopId, lessonId: fixture.lessons[0].id }),
    verify: unchanged,
  },
  {
    // Starting a new workshop from this one's codebook: its organizers only, open or closed
    // (copying reads); anyone else, member or not, gets the same not-found.
    name: "createWorkshop from this codebook",
    kind: "view",
    namesItems: false,
    expected: (actor) => (actor === "ORGANIZER" ? ALLOWED : { allowed: false, code: "NOT_FOUND", messageKey: "codebookOriginNotFound" }),
    run: (_f, viewer, workshopId) => createWorkshopFromForm({ viewer, input: { title: "Copied by the matrix", codebookFrom: workshopId } }),
    async verify(fixture, result, before) {
      const copy = await prisma().workshop.findUniqueOrThrow({ where: { id: (result as { id: string }).id }, include: { themes: { orderBy: { position: "asc" } } } });
      expect(copy.codebookOriginId).toBe(fixture.workshop.id);
      expect(copy.themes.map((theme) => theme.name)).toEqual(fixture.themes.map((theme) => theme.name));
      const { workshopCount, ...after } = await snapshot(fixture);
      expect(workshopCount).toBe(before.workshopCount + 1);
      expect({ ...after, workshopCount }).toEqual({ ...before, workshopCount });
    },
  },
];

// ---------- the expected answers ----------

type Outcome = { allowed: true } | { allowed: false; code: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT"; messageKey: string };

const ALLOWED: Outcome = { allowed: true };
const NOT_FOUND: Outcome = { allowed: false, code: "NOT_FOUND", messageKey: "notFound" };
const FORBIDDEN: Outcome = { allowed: false, code: "FORBIDDEN", messageKey: "forbidden" };
const READ_ONLY: Outcome = { allowed: false, code: "FORBIDDEN", messageKey: "workshopReadOnly" };

function expectedOutcome(kind: Kind, actor: Actor, status: Status): Outcome {
  if (actor === "non-member" || actor === "organizer of another workshop") return NOT_FOUND;
  switch (kind) {
    case "view":
      return ALLOWED;
    case "export":
      // The whole record at once: those who answer for it, in a closed workshop too.
      return actor === "ORGANIZER" || actor === "RAPPORTEUR" ? ALLOWED : FORBIDDEN;
    case "organizer view":
    case "status change":
    case "moderation":
      return actor === "ORGANIZER" ? ALLOWED : FORBIDDEN;
    case "write":
      if (actor !== "ORGANIZER") return FORBIDDEN;
      return status === "OPEN" ? ALLOWED : READ_ONLY;
    case "source write":
      if (actor !== "ORGANIZER" && actor !== "RAPPORTEUR") return FORBIDDEN;
      return status === "OPEN" ? ALLOWED : READ_ONLY;
    case "lesson write":
      // Lessons and stances: everyone but observers.
      if (actor === "OBSERVER") return FORBIDDEN;
      return status === "OPEN" ? ALLOWED : READ_ONLY;
    case "note edit":
      // The note: everyone but observers writes it (and dismisses its guard warnings).
      if (actor === "OBSERVER") return FORBIDDEN;
      return status === "OPEN" ? ALLOWED : READ_ONLY;
    case "lesson merge":
      if (actor !== "ORGANIZER" && actor !== "RAPPORTEUR") return FORBIDDEN;
      return status === "OPEN" ? ALLOWED : READ_ONLY;
    case "proposal":
      // Organizers add themes directly; observers read.
      if (actor !== "RAPPORTEUR" && actor !== "PARTICIPANT") return FORBIDDEN;
      return status === "OPEN" ? ALLOWED : READ_ONLY;
  }
}

/** Editing and deleting a lesson: its author (the participant) only; other members are told "not found". */
function authorOnly(actor: Actor, status: Status): Outcome {
  const outcome = expectedOutcome("lesson write", actor, status);
  if (!outcome.allowed || actor === "PARTICIPANT") return outcome;
  return NOT_FOUND;
}

const label = (outcome: Outcome) => (outcome.allowed ? "allowed" : `${outcome.code} ${outcome.messageKey}`);

interface Cell {
  status: Status;
  operation: Operation;
  actor: Actor;
  /** Run against the actor's own workshop id while naming items of the workshop under test. */
  viaOwnWorkshop: boolean;
  expected: Outcome;
  name: string;
}

const cells: Cell[] = STATUSES.flatMap((status) =>
  OPERATIONS.flatMap((operation) => {
    const direct = ACTORS.map((actor) => {
      const expected = operation.expected?.(actor, status) ?? expectedOutcome(operation.kind, actor, status);
      return { status, operation, actor, viaOwnWorkshop: false, expected, name: `${status} · ${operation.name} · ${actor} → ${label(expected)}` };
    });
    if (!operation.namesItems) return direct;
    // Item ids of this workshop behind the id of a workshop where the actor is organizer.
    const itemNotFound: Outcome = { allowed: false, code: "NOT_FOUND", messageKey: operation.itemNotFoundKey ?? "notFound" };
    const crossing: Cell = {
      status,
      operation,
      actor: "organizer of another workshop",
      viaOwnWorkshop: true,
      expected: itemNotFound,
      name: `${status} · ${operation.name} · organizer of another workshop, with this workshop's item ids under their own workshop's id → ${label(itemNotFound)}`,
    };
    return [...direct, crossing];
  }),
);

describe("authorization matrix", () => {
  it("covers every operation × actor × status", () => {
    expect(cells).toHaveLength(STATUSES.length * (OPERATIONS.length * ACTORS.length + OPERATIONS.filter((o) => o.namesItems).length));
    expect(new Set(cells.map((cell) => cell.name)).size).toBe(cells.length);
  });

  const shared = new Map<Status, Fixture>();

  it.each(cells.map((cell) => [cell.name, cell] as const))("%s", async (_name, { status, operation, actor, viaOwnWorkshop, expected }) => {
    const isRead = operation.kind === "view" || operation.kind === "organizer view" || operation.kind === "export";
    const changesData = expected.allowed && (!isRead || operation.expected !== undefined);
    let fixture = changesData ? undefined : shared.get(status);
    if (!fixture) {
      fixture = await buildFixture(status);
      if (!changesData) shared.set(status, fixture);
    }
    const viewer = viewerFor(fixture, actor);
    const workshopId = viaOwnWorkshop ? fixture.other.workshop.id : fixture.workshop.id;
    const before = await snapshot(fixture);

    try {
      if (expected.allowed) {
        const result = await operation.run(fixture, viewer, workshopId);
        await operation.verify(fixture, result, before, actor as Role);
        expect(otherPart(fixture, await snapshot(fixture))).toEqual(otherPart(fixture, before));
      } else {
        await expectAppError(operation.run(fixture, viewer, workshopId), expected.code, expected.messageKey);
        expect(await snapshot(fixture)).toEqual(before);
      }
    } catch (error) {
      // Whatever this cell did, the next one starts from a clean pair of workshops.
      shared.delete(status);
      throw error;
    }
  });
});
