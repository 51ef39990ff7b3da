import "server-only";
import { getPrisma, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { Prisma } from "@/lib/generated/prisma/client";
import { isId, parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { audienceFor, canSee } from "@/lib/annotations/audience";
import { newId } from "@/lib/ownership/ids";
import { ownershipOf } from "@/lib/ownership/ownership";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { lessonMergedError } from "./access";
import { broadcastLesson } from "./broadcast";
import { presentLessonFor } from "./present-for";
import { LESSON_INCLUDE, type PresentedLesson } from "./present";
import { ZMergeLessonsInput, type MergeLessonsInput } from "./schemas";

export interface MergeLessonsOptions {
  viewer: Viewer;
  workshopId: string;
  /** The lesson that stays (its statement and elaboration are kept). */
  lessonId: string;
  input: MergeLessonsInput;
}

type LockedLesson = { id: string; ownerTag: string | null; hiddenAt: Date | null; mergedAt: Date | null; mergedIntoId: string | null };

/**
 * Merges a duplicate (`fromLessonId`) into a lesson (rapporteurs, organizers). The result keeps
 * its statement and elaboration and gains the union of both lessons' themes and evidence; the
 * duplicate stays as a tombstone pointing to it. Each member counts once (docs/CONSENSUS.md,
 * "Merging duplicates"): the same stance on both becomes one, a stance on one only is kept, and
 * an endorsement of one with a dispute of the other is withdrawn, with a notice asking the member
 * again. Stance tags are scoped to their lesson, so the only way to match a member's stances
 * across the two is to compute, for each member, their tag on both.
 */
export async function mergeLessons({ viewer, workshopId, lessonId, input }: MergeLessonsOptions): Promise<PresentedLesson> {
  const { fromLessonId } = parseInput(ZMergeLessonsInput, input);
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "lessons.merge");
  if (!isId(lessonId)) throw notFound("Lesson");
  if (fromLessonId === lessonId) throw new AppError("UNPROCESSABLE", "mergeSelf", "A lesson cannot be merged with itself: choose the duplicate to merge into it.", { field: "fromLessonId" });
  const db = await getPrisma();
  const result = await db.$transaction(async (tx) => {
    // Both rows locked in one order (by id), so that two merges of the same pair cannot deadlock,
    // and stances on either wait until the merge is done (they lock FOR SHARE).
    const rows = await tx.$queryRaw<LockedLesson[]>`
      SELECT "id", "ownerTag", "hiddenAt", "mergedAt", "mergedIntoId" FROM "Lesson"
       WHERE "id" IN (${Prisma.join([lessonId, fromLessonId])}) AND "workshopId" = ${workshopId} ORDER BY "id" FOR UPDATE`;
    const key = await findWorkshopKey(tx, workshopId);
    const audience = audienceFor(viewer.id, membership.role, key);
    const into = rows.find((row) => row.id === lessonId);
    const from = rows.find((row) => row.id === fromLessonId);
    for (const row of [into, from]) {
      if (!row || !canSee(row, { kind: "lesson", id: row.id }, audience)) throw notFound("Lesson");
      if (row.mergedAt) throw lessonMergedError(row.mergedIntoId);
    }
    await moveStances(tx, { workshopId, intoId: lessonId, fromId: fromLessonId, key });
    await tx.$executeRaw`
      INSERT INTO "LessonTheme" ("lessonId", "themeId") SELECT ${lessonId}, "themeId" FROM "LessonTheme" WHERE "lessonId" = ${fromLessonId}
      ON CONFLICT DO NOTHING`;
    await tx.lessonTheme.deleteMany({ where: { lessonId: fromLessonId } });
    const cited = new Set((await tx.lessonEvidence.findMany({ where: { lessonId }, select: { passageId: true } })).map((row) => row.passageId));
    await tx.lessonEvidence.deleteMany({ where: { lessonId: fromLessonId, passageId: { in: [...cited] } } });
    await tx.lessonEvidence.updateMany({ where: { lessonId: fromLessonId }, data: { lessonId } });
    await tx.lesson.updateMany({ where: { workshopId, mergedIntoId: fromLessonId }, data: { mergedIntoId: lessonId } });
    await tx.lesson.update({ where: { id: fromLessonId }, data: { mergedIntoId: lessonId, mergedAt: new Date() } });
    return { row: await tx.lesson.findUniqueOrThrow({ where: { id: lessonId }, include: LESSON_INCLUDE }), audience };
  });
  await broadcastLesson(workshopId, fromLessonId);
  await broadcastLesson(workshopId, lessonId);
  return presentLessonFor(db, result.row, result.audience);
}

/**
 * The stances (and merge notices) of the duplicate, moved onto the result, member by member.
 * Stances that match no current member (people who left, or a sealed workshop's stances, which
 * belong to nobody) cannot be paired: they move as they are and keep counting.
 */
async function moveStances(tx: Tx, { workshopId, intoId, fromId, key }: { workshopId: string; intoId: string; fromId: string; key: Buffer | null }): Promise<void> {
  const [intoStances, fromStances, fromNotices, members] = await Promise.all([
    tx.stance.findMany({ where: { lessonId: intoId }, select: { id: true, kind: true, ownerTag: true } }),
    tx.stance.findMany({ where: { lessonId: fromId }, select: { id: true, kind: true, ownerTag: true } }),
    tx.lessonMergeNotice.findMany({ where: { lessonId: fromId }, select: { id: true, ownerTag: true } }),
    key ? tx.membership.findMany({ where: { workshopId }, select: { userId: true } }) : Promise.resolve([]),
  ]);
  const intoByTag = new Map(intoStances.map((stance) => [stance.ownerTag, stance]));
  const fromByTag = new Map(fromStances.map((stance) => [stance.ownerTag, stance]));
  const noticeByTag = new Map(fromNotices.map((notice) => [notice.ownerTag, notice]));
  const paired = new Set<string>();
  const withdraw: string[] = [];
  const notify: string[] = [];
  for (const { userId } of members) {
    const ownership = ownershipOf(key, userId);
    const intoTag = ownership.tagFor({ kind: "stance", lessonId: intoId })!;
    const fromTag = ownership.tagFor({ kind: "stance", lessonId: fromId })!;
    const notice = noticeByTag.get(fromTag);
    if (notice) await tx.lessonMergeNotice.delete({ where: { id: notice.id } });
    const onFrom = fromByTag.get(fromTag);
    const onInto = intoByTag.get(intoTag);
    if (!onFrom) {
      if (notice && !onInto) notify.push(intoTag);
      continue;
    }
    paired.add(onFrom.id);
    if (!onInto) {
      await tx.stance.update({ where: { id: onFrom.id }, data: { lessonId: intoId, ownerTag: intoTag } });
    } else if (onInto.kind === onFrom.kind) {
      await tx.stance.delete({ where: { id: onFrom.id } });
    } else {
      withdraw.push(onFrom.id, onInto.id);
      notify.push(intoTag);
    }
  }
  if (withdraw.length > 0) await tx.stance.deleteMany({ where: { id: { in: withdraw } } });
  for (const ownerTag of notify) {
    await tx.$executeRaw`
      INSERT INTO "LessonMergeNotice" ("id", "workshopId", "lessonId", "ownerTag") VALUES (${newId()}, ${workshopId}, ${intoId}, ${ownerTag})
      ON CONFLICT ("lessonId", "ownerTag") DO NOTHING`;
  }
  await tx.stance.updateMany({ where: { lessonId: fromId, id: { notIn: [...paired] } }, data: { lessonId: intoId } });
  await tx.lessonMergeNotice.deleteMany({ where: { lessonId: fromId } });
}
