import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createSource, createWorkshop, viewerOf } from "@/test/factories";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { findSourceAnnotations } from "@/lib/annotations/find-source-annotations";
import { setAnnotationHidden, setReplyHidden } from "@/lib/annotations/moderate";
import { createReply, updateReply } from "@/lib/annotations/replies";
import { proposeTheme } from "@/lib/themes/propose-theme";
import { findThemeProposals } from "@/lib/themes/find-theme-proposals";
import { changeWorkshopStatus } from "@/lib/workshops/change-workshop-status";
import { updateWorkshop } from "@/lib/workshops/update-workshop";
import { createTheme } from "@/test/factories";
import { createLesson } from "@/lib/lessons/create-lesson";
import { updateLesson } from "@/lib/lessons/update-lesson";
import { mergeLessons } from "@/lib/lessons/merge-lessons";
import { setStance } from "@/lib/lessons/set-stance";
import { setLessonHidden } from "@/lib/lessons/set-lesson-hidden";
import { getLesson } from "@/lib/lessons/get-lesson";
import { convertPendingOwnership } from "./convert-pending-ownership";
import { newId } from "./ids";
import { ownershipOf } from "./ownership";
import { sealExpiredWorkshops } from "./seal-expired-workshops";
import { sealWorkshop } from "./seal-workshop";
import { ensureWorkshopKey, findWorkshopKey } from "./workshop-key";

const prisma = registerTestDatabase();
const TEXT = "Consent of the host state faded over the years, and partners stepped in late.";

async function setup(attribution: "CHATHAM_HOUSE" | "ATTRIBUTED" = "CHATHAM_HOUSE") {
  const workshop = await createWorkshop({ attribution });
  const organizer = viewerOf((await createMember(workshop.id, "ORGANIZER")).user);
  const amina = viewerOf((await createMember(workshop.id, "PARTICIPANT")).user);
  const bruno = viewerOf((await createMember(workshop.id, "PARTICIPANT")).user);
  const source = await createSource(workshop.id, { text: TEXT });
  return { workshopId: workshop.id, sourceId: source.id, organizer, amina, bruno };
}

describe("owner tags", () => {
  it("make each contribution its author's, through the workshop key only, with unrelated tags per row", async () => {
    const { workshopId, sourceId, amina, bruno } = await setup();
    const first = await createAnnotation({ viewer: amina, workshopId, sourceId, input: { start: 0, end: 7 } });
    const second = await createAnnotation({ viewer: amina, workshopId, sourceId, input: { start: 8, end: 10 } });
    const reply = await createReply({ viewer: amina, workshopId, annotationId: first.id, input: { body: "Indeed." } });
    expect([first.mine, second.mine, reply.mine]).toEqual([true, true, true]);
    const seenByBruno = await findSourceAnnotations({ viewer: bruno, workshopId, sourceId });
    expect(seenByBruno.every((annotation) => !annotation.mine)).toBe(true);

    const rows = await prisma().annotation.findMany({ where: { workshopId } });
    expect(rows.every((row) => row.ownerTag && !row.ownerTag.includes(amina.id))).toBe(true);
    // Two contributions by one person carry unrelated tags: rows cannot be grouped by author.
    expect(new Set(rows.map((row) => row.ownerTag)).size).toBe(rows.length);
    const key = await findWorkshopKey(prisma(), workshopId);
    expect(ownershipOf(key, amina.id).owns({ kind: "annotation", id: first.id }, rows.find((row) => row.id === first.id)!.ownerTag)).toBe(true);
    expect(ownershipOf(key, bruno.id).owns({ kind: "annotation", id: first.id }, rows.find((row) => row.id === first.id)!.ownerTag)).toBe(false);
  });

  it("let only the author edit or delete; others get 'not found'", async () => {
    const { workshopId, sourceId, amina, bruno } = await setup();
    const own = await createAnnotation({ viewer: amina, workshopId, sourceId, input: { start: 0, end: 7 } });
    await expectAppError(updateAnnotation({ viewer: bruno, workshopId, annotationId: own.id, input: { comment: "hijack", themeIds: [] } }), "NOT_FOUND");
    await expectAppError(deleteAnnotation({ viewer: bruno, workshopId, annotationId: own.id }), "NOT_FOUND");
    expect(await updateAnnotation({ viewer: amina, workshopId, annotationId: own.id, input: { comment: "Mine.", themeIds: [] } })).toMatchObject({ comment: "Mine.", mine: true });
    await deleteAnnotation({ viewer: amina, workshopId, annotationId: own.id });
  });

  it("allow one stance per member per lesson, by a unique constraint on lesson and tag", async () => {
    const { workshopId, amina, bruno } = await setup();
    const key = await ensureWorkshopKey(prisma(), workshopId);
    const lesson = await prisma().lesson.create({ data: { workshopId, statement: "A lesson" } });
    const tagOf = (userId: string) => ownershipOf(key, userId).tagFor({ kind: "stance", lessonId: lesson.id });
    await prisma().stance.create({ data: { lessonId: lesson.id, ownerTag: tagOf(amina.id), kind: "ENDORSE" } });
    await prisma().stance.create({ data: { lessonId: lesson.id, ownerTag: tagOf(bruno.id), kind: "DISPUTE" } });
    await expect(prisma().stance.create({ data: { lessonId: lesson.id, ownerTag: tagOf(amina.id), kind: "DISPUTE" } })).rejects.toThrow();
    expect(await prisma().stance.count({ where: { lessonId: lesson.id } })).toBe(2);
  });
});

describe("sealing", () => {
  it("leaves every contribution to nobody: no key, no tags; edit, delete and hide refused with the reason", async () => {
    const { workshopId, sourceId, organizer, amina } = await setup();
    const annotation = await createAnnotation({ viewer: amina, workshopId, sourceId, input: { start: 0, end: 7 } });
    const reply = await createReply({ viewer: amina, workshopId, annotationId: annotation.id, input: { body: "Indeed." } });
    const proposal = await proposeTheme({ viewer: amina, workshopId, input: { name: "Consent", reason: "Recurring" } });
    expect(proposal.mine).toBe(true);

    await sealWorkshop({ viewer: organizer, workshopId });

    expect(await prisma().workshopOwnershipKey.count({ where: { workshopId } })).toBe(0);
    expect(await prisma().annotation.count({ where: { workshopId, ownerTag: { not: null } } })).toBe(0);
    expect(await prisma().annotationReply.count({ where: { ownerTag: { not: null }, annotation: { workshopId } } })).toBe(0);
    expect(await prisma().themeProposal.count({ where: { workshopId, ownerTag: { not: null } } })).toBe(0);
    expect((await prisma().workshop.findUniqueOrThrow({ where: { id: workshopId } })).sealedAt).toBeInstanceOf(Date);

    const seen = await findSourceAnnotations({ viewer: amina, workshopId, sourceId });
    expect(seen.map((item) => [item.mine, item.replies.map((r) => r.mine)])).toEqual([[false, [false]]]);
    expect((await findThemeProposals({ viewer: amina, workshopId }))[0]!.mine).toBe(false);
    await expectAppError(updateAnnotation({ viewer: amina, workshopId, annotationId: annotation.id, input: { comment: "x", themeIds: [] } }), "FORBIDDEN", "sealedContribution");
    await expectAppError(deleteAnnotation({ viewer: amina, workshopId, annotationId: annotation.id }), "FORBIDDEN", "sealedContribution");
    await expectAppError(updateReply({ viewer: amina, workshopId, annotationId: annotation.id, replyId: reply.id, input: { body: "x" } }), "FORBIDDEN", "sealedContribution");
    await expectAppError(setAnnotationHidden({ viewer: organizer, workshopId, annotationId: annotation.id, input: { hidden: true } }), "FORBIDDEN", "sealedContribution");
    await expectAppError(setReplyHidden({ viewer: organizer, workshopId, annotationId: annotation.id, replyId: reply.id, input: { hidden: true } }), "FORBIDDEN", "sealedContribution");
    await expectAppError(sealWorkshop({ viewer: amina, workshopId }), "FORBIDDEN", "forbidden");

    // Writing on: a new key; the new contribution is its author's, the old stay nobody's.
    const later = await createAnnotation({ viewer: amina, workshopId, sourceId, input: { start: 8, end: 10 } });
    expect(later.mine).toBe(true);
    expect(await prisma().workshopOwnershipKey.count({ where: { workshopId } })).toBe(1);
    const after = await findSourceAnnotations({ viewer: amina, workshopId, sourceId });
    expect(after.map((item) => [item.id, item.mine])).toEqual([
      [annotation.id, false],
      [later.id, true],
    ]);
  });

  it("erases the tags of lessons, evidence and stances, and deletes merge notices", async () => {
    const { workshopId, sourceId, organizer, amina, bruno } = await setup();
    const theme = await createTheme(workshopId, "Consent");
    const write = (viewer: typeof amina, statement: string) =>
      createLesson({ viewer, workshopId, input: { statement, themeIds: [theme.id], evidence: [{ sourceId, start: 0, end: 7 }] } });
    const kept = await write(amina, "Consent faded.");
    const duplicate = await write(bruno, "Consent eroded.");
    await setStance({ viewer: bruno, workshopId, lessonId: kept.id, input: { stance: "ENDORSE" } });
    await setStance({ viewer: bruno, workshopId, lessonId: duplicate.id, input: { stance: "DISPUTE" } });
    await setStance({ viewer: amina, workshopId, lessonId: kept.id, input: { stance: "ENDORSE" } });
    await mergeLessons({ viewer: organizer, workshopId, lessonId: kept.id, input: { fromLessonId: duplicate.id } });
    expect(await prisma().lessonMergeNotice.count({ where: { workshopId } })).toBe(1);
    expect(await prisma().lessonEvidence.count({ where: { lesson: { workshopId }, ownerTag: { not: null } } })).toBe(1);

    await sealWorkshop({ viewer: organizer, workshopId });

    expect(await prisma().lesson.count({ where: { workshopId, ownerTag: { not: null } } })).toBe(0);
    expect(await prisma().lessonEvidence.count({ where: { lesson: { workshopId }, ownerTag: { not: null } } })).toBe(0);
    expect(await prisma().stance.count({ where: { lesson: { workshopId }, ownerTag: { not: null } } })).toBe(0);
    expect(await prisma().stance.count({ where: { lesson: { workshopId } } })).toBe(1);
    expect(await prisma().lessonMergeNotice.count({ where: { workshopId } })).toBe(0);
    expect(await getLesson({ viewer: amina, workshopId, lessonId: kept.id })).toMatchObject({ mine: false, myStance: null, consensus: { consensus: "one" } });
    await expectAppError(updateLesson({ viewer: amina, workshopId, lessonId: kept.id, input: { statement: "x" } }), "FORBIDDEN", "sealedContribution");
    await expectAppError(setLessonHidden({ viewer: organizer, workshopId, lessonId: kept.id, input: { hidden: true } }), "FORBIDDEN", "sealedContribution");
  });

  it("happens on archiving, and to workshops closed for the configured number of days", async () => {
    const archived = await setup();
    await createAnnotation({ viewer: archived.amina, workshopId: archived.workshopId, sourceId: archived.sourceId, input: { start: 0, end: 7 } });
    await changeWorkshopStatus({ viewer: archived.organizer, workshopId: archived.workshopId, status: "ARCHIVED" });
    expect(await prisma().workshopOwnershipKey.count({ where: { workshopId: archived.workshopId } })).toBe(0);
    expect(await prisma().annotation.count({ where: { workshopId: archived.workshopId, ownerTag: { not: null } } })).toBe(0);

    const closed = await setup();
    await createAnnotation({ viewer: closed.amina, workshopId: closed.workshopId, sourceId: closed.sourceId, input: { start: 0, end: 7 } });
    await changeWorkshopStatus({ viewer: closed.organizer, workshopId: closed.workshopId, status: "CLOSED" });
    const { closedAt } = await prisma().workshop.findUniqueOrThrow({ where: { id: closed.workshopId } });
    const day = 24 * 60 * 60 * 1000;
    expect(await sealExpiredWorkshops(prisma(), { days: 14, now: new Date(closedAt!.getTime() + 13 * day) })).not.toContain(closed.workshopId);
    expect(await prisma().workshopOwnershipKey.count({ where: { workshopId: closed.workshopId } })).toBe(1);
    expect(await sealExpiredWorkshops(prisma(), { days: 14, now: new Date(closedAt!.getTime() + 14 * day) })).toContain(closed.workshopId);
    expect(await prisma().workshopOwnershipKey.count({ where: { workshopId: closed.workshopId } })).toBe(0);

    // Reopening stops the clock.
    const reopened = await setup();
    await createAnnotation({ viewer: reopened.amina, workshopId: reopened.workshopId, sourceId: reopened.sourceId, input: { start: 0, end: 7 } });
    await changeWorkshopStatus({ viewer: reopened.organizer, workshopId: reopened.workshopId, status: "CLOSED" });
    await changeWorkshopStatus({ viewer: reopened.organizer, workshopId: reopened.workshopId, status: "OPEN" });
    expect(await sealExpiredWorkshops(prisma(), { days: 14, now: new Date(Date.now() + 30 * day) })).not.toContain(reopened.workshopId);
  });
});

describe("attributed workshops", () => {
  it("keep an author link while attributed, and lose it in one step when switched to the Chatham House Rule", async () => {
    const { workshopId, sourceId, organizer, amina } = await setup("ATTRIBUTED");
    const annotation = await createAnnotation({ viewer: amina, workshopId, sourceId, input: { start: 0, end: 7 } });
    const reply = await createReply({ viewer: amina, workshopId, annotationId: annotation.id, input: { body: "Yes." } });
    expect(await prisma().attribution.findMany({ where: { workshopId }, select: { kind: true, itemId: true, userId: true }, orderBy: { kind: "asc" } })).toEqual([
      { kind: "ANNOTATION", itemId: annotation.id, userId: amina.id },
      { kind: "REPLY", itemId: reply.id, userId: amina.id },
    ]);
    const workshop = await prisma().workshop.findUniqueOrThrow({ where: { id: workshopId } });
    await updateWorkshop({ viewer: organizer, workshopId, input: { title: workshop.title, attribution: "CHATHAM_HOUSE" } });
    expect(await prisma().attribution.count({ where: { workshopId } })).toBe(0);
    expect((await findSourceAnnotations({ viewer: amina, workshopId, sourceId }))[0]!.mine).toBe(true);
  });
});

describe("converting authors set aside by the migration", () => {
  it("turns them into owner tags under the workshop key and empties the table", async () => {
    const { workshopId, sourceId, amina, bruno } = await setup();
    const annotation = await createAnnotation({ viewer: amina, workshopId, sourceId, input: { start: 0, end: 7 } });
    const reply = await createReply({ viewer: bruno, workshopId, annotationId: annotation.id, input: { body: "Yes." } });
    // As the migration leaves them: no tag, the author in PendingOwnership.
    await prisma().annotation.update({ where: { id: annotation.id }, data: { ownerTag: null } });
    await prisma().annotationReply.update({ where: { id: reply.id }, data: { ownerTag: null } });
    await prisma().pendingOwnership.createMany({
      data: [
        { kind: "ANNOTATION", itemId: annotation.id, workshopId, userId: amina.id },
        { kind: "REPLY", itemId: reply.id, workshopId, userId: bruno.id },
        { kind: "ANNOTATION", itemId: newId(), workshopId: "gone-workshop", userId: amina.id },
      ],
    });
    expect(await convertPendingOwnership(prisma())).toBe(3);
    expect(await prisma().pendingOwnership.count()).toBe(0);
    const seenByAmina = await findSourceAnnotations({ viewer: amina, workshopId, sourceId });
    expect(seenByAmina[0]).toMatchObject({ mine: true, replies: [{ mine: false }] });
    const seenByBruno = await findSourceAnnotations({ viewer: bruno, workshopId, sourceId });
    expect(seenByBruno[0]).toMatchObject({ mine: false, replies: [{ mine: true }] });
    expect(await convertPendingOwnership(prisma())).toBe(0);
  });
});
