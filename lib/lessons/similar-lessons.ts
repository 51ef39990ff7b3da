import MiniSearch from "minisearch";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PrismaClient } from "@/lib/db";

/** Shortest statement draft worth comparing: under three characters, everything matches. */
export const SIMILAR_MIN_QUERY = 3;
/** How many similar lessons are suggested. */
export const SIMILAR_LIMIT = 5;
/** How many BM25 candidates are scored with trigrams. */
const CANDIDATES = 12;
/**
 * Lowest trigram score suggested. pg_trgm's `word_similarity(draft, statement)` is the best
 * match of the draft against any stretch of a statement (high while the draft is a few words
 * that an existing statement contains); `similarity` compares the two whole texts (what matters
 * once the draft is a sentence). On the demo's lessons, 0.3 keeps genuine rewordings
 * ("restrictions on drones" for "Restrictions on freedom of movement, drones above all, …") and
 * drops statements that share only common words.
 */
export const SIMILAR_MIN_SCORE = 0.3;
/** Workshops whose statement index is kept in memory (the least recently asked go first). */
const CACHED_WORKSHOPS = 32;

export interface SimilarLessonScore {
  id: string;
  score: number;
}

interface StatementIndex {
  /** Changes whenever a lesson of the workshop is written, edited, hidden, merged or deleted. */
  version: string;
  search: MiniSearch<{ id: string; statement: string }>;
}

const indexes = new Map<string, StatementIndex>();

/**
 * The workshop's shown statements (not hidden, not merged away) in a BM25 index (MiniSearch),
 * rebuilt when the lessons changed, which a count and the latest `updatedAt` tell: one small
 * query per keystroke, and every server process reads the same database, so none serves stale
 * suggestions.
 */
async function statementIndex(db: PrismaClient, workshopId: string): Promise<StatementIndex> {
  const [state] = await db.$queryRaw<Array<{ count: number; latest: Date | null }>>`
    SELECT count(*)::int AS "count", max("updatedAt") AS "latest" FROM "Lesson" WHERE "workshopId" = ${workshopId}`;
  const version = `${state?.count ?? 0}:${state?.latest?.getTime() ?? 0}`;
  const cached = indexes.get(workshopId);
  indexes.delete(workshopId); // re-inserted last: the map's order is recency
  if (cached?.version === version) {
    indexes.set(workshopId, cached);
    return cached;
  }
  const lessons = await db.lesson.findMany({ where: { workshopId, hiddenAt: null, mergedIntoId: null }, select: { id: true, statement: true } });
  const search = new MiniSearch<{ id: string; statement: string }>({ fields: ["statement"] });
  search.addAll(lessons);
  const built = { version, search };
  indexes.set(workshopId, built);
  while (indexes.size > CACHED_WORKSHOPS) indexes.delete(indexes.keys().next().value!);
  return built;
}

/**
 * The workshop's lessons whose statements are lexically closest to a draft, best first: shown
 * lessons only (not hidden, not merged away), without the one being edited. BM25 (MiniSearch,
 * the last word typed matched as a prefix) finds candidates in memory; PostgreSQL's pg_trgm
 * (which PGlite also loads, lib/db/connection.ts) scores those few against the stored
 * statements. Scoring every statement with pg_trgm instead costs ~0.14 ms a row on PGlite:
 * 280 ms for 2,000 lessons, far over a keystroke's budget (bench/lessons-similar.bench.ts).
 */
export async function rankSimilarLessons(
  db: PrismaClient,
  { workshopId, draft, excludeLessonId }: { workshopId: string; draft: string; excludeLessonId?: string | null },
): Promise<SimilarLessonScore[]> {
  const text = draft.trim();
  if (text.length < SIMILAR_MIN_QUERY) return [];
  const { search } = await statementIndex(db, workshopId);
  const candidates = search
    .search(text, { combineWith: "OR", prefix: (_term, index, terms) => index === terms.length - 1 })
    .map((result) => String(result.id))
    .filter((id) => id !== excludeLessonId)
    .slice(0, CANDIDATES);
  if (candidates.length === 0) return [];
  // Scored against what is stored now: hidden or merged meanwhile, left out again.
  const rows = await db.$queryRaw<Array<{ id: string; score: number }>>`
    SELECT "id", "score" FROM (
      SELECT "id", GREATEST(word_similarity(${text}, "statement"), similarity(${text}, "statement")) AS "score"
      FROM "Lesson"
      WHERE "id" IN (${Prisma.join(candidates)}) AND "workshopId" = ${workshopId} AND "hiddenAt" IS NULL AND "mergedIntoId" IS NULL
    ) AS "scored"
    WHERE "score" >= ${SIMILAR_MIN_SCORE}
    ORDER BY "score" DESC, "id"
    LIMIT ${SIMILAR_LIMIT}`;
  return rows.map((row) => ({ id: row.id, score: Math.round(Number(row.score) * 100) / 100 }));
}
