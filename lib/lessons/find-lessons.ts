import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import type { ConsensusThresholds } from "@/lib/consensus/consensus";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { audienceFor, canSee } from "@/lib/annotations/audience";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { loadLessonContext, tallyLessons } from "./context";
import { LESSON_INCLUDE, presentLesson, type PresentedLesson } from "./present";

export interface LessonBoard {
  lessons: PresentedLesson[];
  /** Stances are held until an organizer reveals them: no phrase, no counts, only one's own. */
  held: boolean;
  /** Lessons on which the viewer's stance was withdrawn by a merge (they are asked again). */
  notices: Array<{ lessonId: string }>;
  thresholds: ConsensusThresholds;
}

type BoardOrdered = Pick<PresentedLesson, "id" | "statement" | "themeIds" | "agreement">;

/**
 * The board's order: by the lesson's first theme in the codebook, then by agreement, then
 * alphabetically. Never by creation time, which would hint at who spoke when.
 */
export function inBoardOrder(themes: readonly { id: string; position: number }[]): (a: BoardOrdered, b: BoardOrdered) => number {
  const position = new Map(themes.map((theme) => [theme.id, theme.position]));
  const firstTheme = (lesson: BoardOrdered) => Math.min(Infinity, ...lesson.themeIds.map((id) => position.get(id) ?? Infinity));
  return (a, b) => firstTheme(a) - firstTheme(b) || (b.agreement ?? 0) - (a.agreement ?? 0) || a.statement.localeCompare(b.statement) || a.id.localeCompare(b.id);
}

/**
 * The lessons board: every lesson the viewer may see (hidden ones only to their author and the
 * organizers; merged duplicates never), in the order of the workshop's codebook (a lesson is
 * placed by its first theme in that order), then by agreement, then alphabetically (inBoardOrder).
 */
export async function findLessons({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<LessonBoard> {
  const { membership } = await getWorkshopAccess(viewer, workshopId);
  const db = await getPrisma();
  const audience = audienceFor(viewer.id, membership.role, await findWorkshopKey(db, workshopId));
  const [rows, themes, context] = await Promise.all([
    db.lesson.findMany({ where: { workshopId, mergedAt: null }, include: LESSON_INCLUDE }),
    db.theme.findMany({ where: { workshopId }, select: { id: true, position: true } }),
    loadLessonContext(db, workshopId),
  ]);
  const visible = rows.filter((lesson) => canSee(lesson, { kind: "lesson", id: lesson.id }, audience));
  const ids = visible.map((lesson) => lesson.id);
  const tallies = await tallyLessons(db, ids, audience.ownership, { workshopId });
  const lessons = visible.map((lesson) => presentLesson(lesson, tallies.get(lesson.id)!, context, audience)).sort(inBoardOrder(themes));
  const myTags = ids.map((lessonId) => audience.ownership.tagFor({ kind: "stance", lessonId })).filter((tag): tag is string => tag !== null);
  const notices =
    myTags.length > 0
      ? await db.lessonMergeNotice.findMany({ where: { workshopId, lessonId: { in: ids }, ownerTag: { in: myTags } }, select: { lessonId: true, ownerTag: true } })
      : [];
  return {
    lessons,
    held: context.held,
    notices: notices
      .filter((notice) => audience.ownership.owns({ kind: "stance", lessonId: notice.lessonId }, notice.ownerTag))
      .map((notice) => ({ lessonId: notice.lessonId }))
      .sort((a, b) => a.lessonId.localeCompare(b.lessonId)),
    thresholds: context.thresholds,
  };
}
