import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { canSee, type Audience } from "@/lib/annotations/audience";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { ownershipOf } from "@/lib/ownership/ownership";
import { assertOwnContribution } from "@/lib/ownership/own-contribution";
import { isId } from "@/lib/validation";
import { LESSON_INCLUDE } from "./present";

/** A merged duplicate: requests on it are told where it went. */
export function lessonMergedError(mergedIntoId: string | null): AppError {
  return new AppError(
    "CONFLICT",
    "lessonMerged",
    "This lesson was merged into another one: take your stance or make your changes there.",
    mergedIntoId ? { mergedIntoId } : undefined,
  );
}

/** A hidden lesson, for those who can still see it (its author, the organizers). */
export function lessonHiddenError(): AppError {
  return new AppError("CONFLICT", "lessonHidden", "This lesson is hidden by the organizers: nobody can take a stance on it until it is shown again.");
}

/**
 * A lesson of the workshop that the audience may see; "not found" otherwise (also for a hidden
 * one they may not see), "merged" for a merged duplicate.
 */
export async function getVisibleLesson(tx: Tx, audience: Audience, workshopId: string, lessonId: string) {
  if (!isId(lessonId)) throw notFound("Lesson");
  const lesson = await tx.lesson.findFirst({ where: { id: lessonId, workshopId }, include: LESSON_INCLUDE });
  if (!lesson || !canSee(lesson, { kind: "lesson", id: lesson.id }, audience)) throw notFound("Lesson");
  if (lesson.mergedAt) throw lessonMergedError(lesson.mergedIntoId);
  return lesson;
}

/**
 * The lesson, for its author only (editing and deleting are the author's); anyone else is told
 * "not found" (see assertOwnContribution). A merged duplicate says where it went, to its author.
 */
export async function getOwnLesson(tx: Tx, viewer: Viewer, workshopId: string, lessonId: string) {
  if (!isId(lessonId)) throw notFound("Lesson");
  const lesson = await tx.lesson.findFirst({ where: { id: lessonId, workshopId }, include: LESSON_INCLUDE });
  const ownership = ownershipOf(await findWorkshopKey(tx, workshopId), viewer.id);
  assertOwnContribution(lesson, { kind: "lesson", id: lessonId }, ownership, "Lesson");
  if (lesson.mergedAt) throw lessonMergedError(lesson.mergedIntoId);
  return { lesson, ownership };
}
