import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { isId, parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { audienceIn } from "@/lib/annotations/audience";
import { sealedContributionError } from "@/lib/ownership/own-contribution";
import { lessonMergedError } from "./access";
import { broadcastLesson } from "./broadcast";
import { presentLessonFor } from "./present-for";
import { LESSON_INCLUDE, type PresentedLesson } from "./present";
import { ZLessonHiddenInput, type LessonHiddenInput } from "./schemas";

/**
 * Organizers hide (or show again) a lesson. Moderation acts on the lesson, never on a person:
 * nothing here reads or returns who wrote it. Its author and the organizers still see it,
 * marked hidden; everyone else no longer does, and nobody can take a stance on it meanwhile.
 */
export async function setLessonHidden({ viewer, workshopId, lessonId, input }: { viewer: Viewer; workshopId: string; lessonId: string; input: LessonHiddenInput }): Promise<PresentedLesson> {
  const { hidden } = parseInput(ZLessonHiddenInput, input);
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "content.moderate");
  if (!isId(lessonId)) throw notFound("Lesson");
  const db = await getPrisma();
  // A sealed record is final: what belongs to nobody is neither edited nor hidden any more.
  const { count } = await db.lesson.updateMany({ where: { id: lessonId, workshopId, ownerTag: { not: null }, mergedAt: null }, data: { hiddenAt: hidden ? new Date() : null } });
  if (count === 0) {
    const lesson = await db.lesson.findFirst({ where: { id: lessonId, workshopId }, select: { mergedAt: true, mergedIntoId: true } });
    if (!lesson) throw notFound("Lesson");
    throw lesson.mergedAt ? lessonMergedError(lesson.mergedIntoId) : sealedContributionError();
  }
  await broadcastLesson(workshopId, lessonId);
  const lesson = await db.lesson.findUniqueOrThrow({ where: { id: lessonId }, include: LESSON_INCLUDE });
  return presentLessonFor(db, lesson, await audienceIn(workshopId, viewer.id, membership.role));
}
