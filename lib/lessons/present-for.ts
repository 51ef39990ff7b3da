import "server-only";
import type { PrismaClient, Tx } from "@/lib/db";
import type { Audience } from "@/lib/annotations/audience";
import { loadLessonContext, tallyLessons } from "./context";
import { presentLesson, type LessonWithRelations, type PresentedLesson } from "./present";

/** One lesson as one viewer sees it now (after a write: what the HTTP answer carries). */
export async function presentLessonFor(db: PrismaClient | Tx, lesson: LessonWithRelations, audience: Audience): Promise<PresentedLesson> {
  const [context, tallies] = await Promise.all([loadLessonContext(db, lesson.workshopId), tallyLessons(db, [lesson.id], audience.ownership)]);
  return presentLesson(lesson, tallies.get(lesson.id)!, context, audience);
}
