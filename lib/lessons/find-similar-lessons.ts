import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { ownershipOf } from "@/lib/ownership/ownership";
import { parseInput, ZId } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { loadLessonContext, tallyLessons } from "./context";
import { consensusOf } from "./present";
import { rankSimilarLessons } from "./similar-lessons";
import { STATEMENT_MAX } from "./schemas";

export const ZSimilarLessonsQuery = z
  .object({
    // A draft longer than a statement may be is cut, not refused: the person is still typing.
    query: z.string().transform((value) => value.slice(0, STATEMENT_MAX)),
    excludeLessonId: ZId.nullish(),
  })
  .strict();

export interface FindSimilarLessonsOptions {
  viewer: Viewer;
  workshopId: string;
  query: unknown;
  excludeLessonId?: unknown;
}

/**
 * Lessons like the statement being drafted, for "Endorse this instead": each with its phrase
 * (as the board shows it: no counts where they could single someone out, nothing while stances
 * are held) and the viewer's own stance. Anyone who may write a lesson may ask.
 */
export async function findSimilarLessons({ viewer, workshopId, query, excludeLessonId }: FindSimilarLessonsOptions) {
  const input = parseInput(ZSimilarLessonsQuery, { query, excludeLessonId });
  await requireWorkshopPermission(viewer, workshopId, "workshop.view");
  const db = await getPrisma();
  const ranked = await rankSimilarLessons(db, { workshopId, draft: input.query, excludeLessonId: input.excludeLessonId });
  if (ranked.length === 0) return { lessons: [] };
  const ids = ranked.map((match) => match.id);
  const [lessons, context, key] = await Promise.all([
    db.lesson.findMany({ where: { id: { in: ids } }, select: { id: true, statement: true } }),
    loadLessonContext(db, workshopId),
    findWorkshopKey(db, workshopId),
  ]);
  const tallies = await tallyLessons(db, ids, ownershipOf(key, viewer.id));
  const statements = new Map(lessons.map((lesson) => [lesson.id, lesson.statement]));
  return {
    lessons: ranked.map(({ id, score }) => {
      const tally = tallies.get(id)!;
      return { id, statement: statements.get(id) ?? "", consensus: consensusOf(tally, context), myStance: tally.myStance, score };
    }),
  };
}

export type SimilarLessons = Awaited<ReturnType<typeof findSimilarLessons>>;
