import type { PrismaClient } from "@/lib/db";

/** Shortest statement draft worth comparing: under three characters, everything matches. */
export const SIMILAR_MIN_QUERY = 3;
/** How many similar lessons are suggested. */
export const SIMILAR_LIMIT = 5;
/**
 * Lowest trigram score suggested. pg_trgm's `word_similarity(draft, statement)` is the best
 * match of the draft against any stretch of a statement (high while the draft is a few words
 * that an existing statement contains); `similarity` compares the two whole texts (what matters
 * once the draft is a sentence). Tried on the demo's lessons, 0.3 keeps genuine rewordings
 * ("restrictions on drones" for "Restrictions on freedom of movement, drones above all, …") and
 * drops statements that share only common words.
 */
export const SIMILAR_MIN_SCORE = 0.3;

export interface SimilarLessonScore {
  id: string;
  score: number;
}

/**
 * The workshop's lessons whose statements are lexically closest to a draft, best first: shown
 * lessons only (not hidden, not merged away), without the one being edited. Uses PostgreSQL's
 * pg_trgm, which PGlite also loads (lib/db/connection.ts) and the lessons migration enables.
 */
export async function rankSimilarLessons(
  db: PrismaClient,
  { workshopId, draft, excludeLessonId }: { workshopId: string; draft: string; excludeLessonId?: string | null },
): Promise<SimilarLessonScore[]> {
  const text = draft.trim().toLowerCase();
  if (text.length < SIMILAR_MIN_QUERY) return [];
  const rows = await db.$queryRaw<Array<{ id: string; score: number }>>`
    SELECT "id", "score" FROM (
      SELECT "id", GREATEST(word_similarity(${text}, lower("statement")), similarity(${text}, lower("statement"))) AS "score"
      FROM "Lesson"
      WHERE "workshopId" = ${workshopId} AND "hiddenAt" IS NULL AND "mergedIntoId" IS NULL AND "id" <> ${excludeLessonId ?? ""}
    ) AS "scored"
    WHERE "score" >= ${SIMILAR_MIN_SCORE}
    ORDER BY "score" DESC, "id"
    LIMIT ${SIMILAR_LIMIT}`;
  return rows.map((row) => ({ id: row.id, score: Math.round(Number(row.score) * 100) / 100 }));
}
