import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { audienceFor, canSee } from "@/lib/annotations/audience";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { loadLessonContext, tallyLessons } from "./context";
import { inBoardOrder } from "./find-lessons";
import { presentConsensus, type PresentedLesson } from "./present";

/** What the review reads of a lesson: the board's figures without its evidence's quotes. */
export type LessonSummary = Pick<PresentedLesson, "id" | "statement" | "themeIds" | "consensus" | "agreement" | "strength" | "inNote" | "isHidden" | "mine"> & {
  /** The passages the lesson cites (placed or not), each once. */
  evidencePassageIds: string[];
};

interface SummaryRow {
  id: string;
  statement: string;
  ownerTag: string | null;
  hiddenAt: Date | null;
  themeIds: string[];
  evidencePassageIds: string[];
  placedPassages: number;
  placedSources: number;
}

/**
 * The lessons of the board (the same lessons, for the same viewer, in the same order, with the
 * same phrases: findLessons), summarized for the review. The board presents every piece of
 * evidence with its quote and source, which for a workshop of thousands of lessons is most of
 * the work; the review needs only how much evidence there is, so it is counted in SQL. Strength
 * counts placed passages (not orphaned by a revision), as presentLesson does; a test compares
 * the two on every lesson.
 */
export async function findLessonSummaries({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<{ lessons: LessonSummary[]; held: boolean }> {
  const { membership } = await getWorkshopAccess(viewer, workshopId);
  const db = await getPrisma();
  const audience = audienceFor(viewer.id, membership.role, await findWorkshopKey(db, workshopId));
  const [rows, themes, context] = await Promise.all([
    // Subqueries per lesson through the (lessonId, …) keys rather than joins of whole tables:
    // the embedded database never gathers statistics (no autovacuum), and without them the
    // planner may pick nested loops over thousands of rows; index lookups stay fast either way.
    db.$queryRaw<SummaryRow[]>`
      SELECT l."id", l."statement", l."ownerTag", l."hiddenAt",
             ARRAY(SELECT lt."themeId" FROM "LessonTheme" lt WHERE lt."lessonId" = l."id") AS "themeIds",
             ARRAY(SELECT le."passageId" FROM "LessonEvidence" le WHERE le."lessonId" = l."id") AS "evidencePassageIds",
             (SELECT count(*) FROM "LessonEvidence" le JOIN "Passage" p ON p."id" = le."passageId"
               WHERE le."lessonId" = l."id" AND p."state" <> 'ORPHANED')::int AS "placedPassages",
             (SELECT count(DISTINCT p."sourceId") FROM "LessonEvidence" le JOIN "Passage" p ON p."id" = le."passageId"
               WHERE le."lessonId" = l."id" AND p."state" <> 'ORPHANED')::int AS "placedSources"
        FROM "Lesson" l
       WHERE l."workshopId" = ${workshopId} AND l."mergedAt" IS NULL`,
    db.theme.findMany({ where: { workshopId }, select: { id: true, position: true } }),
    loadLessonContext(db, workshopId),
  ]);
  const visible = rows.filter((lesson) => canSee(lesson, { kind: "lesson", id: lesson.id }, audience));
  const tallies = await tallyLessons(
    db,
    visible.map((lesson) => lesson.id),
    audience.ownership,
    { workshopId },
  );
  const lessons = visible
    .map(
      (row): LessonSummary => ({
        id: row.id,
        statement: row.statement,
        themeIds: [...row.themeIds].sort(),
        ...presentConsensus(tallies.get(row.id)!, context),
        strength: { passages: Number(row.placedPassages), sources: Number(row.placedSources) },
        inNote: context.noteLessonIds.has(row.id),
        isHidden: row.hiddenAt !== null,
        mine: audience.ownership.owns({ kind: "lesson", id: row.id }, row.ownerTag),
        evidencePassageIds: [...row.evidencePassageIds].sort(),
      }),
    )
    .sort(inBoardOrder(themes));
  return { lessons, held: context.held };
}
