import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SearchKind } from "./schemas";
import { headlineOptions, type SnippetMarkers } from "./snippet";

/** One matching row, before presenting: the headlines still carry the search's markers. */
export interface SearchRow {
  id: string;
  /** The source, for sources, annotations and replies (where the result links to). */
  sourceId: string | null;
  /** The paragraph's index in the reader, for sources. */
  position: number | null;
  /** The target to link to, for replies: their annotation. */
  annotationId: string | null;
  ownerTag: string | null;
  hiddenAt: Date | null;
  /** A source's title, an annotation's quoted passage (plain text). */
  label: string | null;
  /** A lesson's statement, whole, with its matches marked. */
  titleHeadline: string | null;
  snippetHeadline: string | null;
}

export interface SearchSqlInput {
  workshopId: string;
  q: string;
  themeId?: string;
  sourceId?: string;
  /** Hidden items the viewer may still see (all of them for moderators: `null`). */
  visibleHiddenIds: ReadonlySet<string> | null;
  markers: SnippetMarkers;
  limit: number;
}

/**
 * A query is read as English and as French at once (`||` of both parsings): each text was
 * indexed in its own detected language (the search migration), and a person may search either
 * language in a workshop that holds both. The headline marks what matched in the text's language.
 */
function tsQuery(q: string): Prisma.Sql {
  return Prisma.sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('french', ${q}))`;
}

function headline(column: Prisma.Sql, input: SearchSqlInput, whole: boolean): Prisma.Sql {
  return Prisma.sql`ts_headline(rapporteur_search_config(${column}), ${column}, ${tsQuery(input.q)}, ${headlineOptions(input.markers, { whole })})`;
}

function visible(alias: string, input: SearchSqlInput): Prisma.Sql {
  if (input.visibleHiddenIds === null) return Prisma.sql`TRUE`;
  const hidden = Prisma.raw(`${alias}."hiddenAt"`);
  const id = Prisma.raw(`${alias}."id"`);
  if (input.visibleHiddenIds.size === 0) return Prisma.sql`${hidden} IS NULL`;
  return Prisma.sql`(${hidden} IS NULL OR ${id} IN (${Prisma.join([...input.visibleHiddenIds])}))`;
}

const all = Prisma.sql`TRUE`;

/**
 * At most this many matches of one kind are ranked. A word found in thousands of annotations
 * would otherwise have every one read and ranked (hundreds of milliseconds); past this many,
 * the best of the first matches are shown and the person is told to narrow the search.
 */
export const RANKED_CANDIDATES = 400;

/** The ranked matches of one kind (limit + 1, to tell whether there are more), headlines last. */
export function searchSql(kind: SearchKind, input: SearchSqlInput): Prisma.Sql | null {
  const query = tsQuery(input.q);
  const { workshopId, themeId, sourceId } = input;
  const limit = input.limit + 1;
  switch (kind) {
    case "source":
      if (themeId) return null;
      return Prisma.sql`
        SELECT m.*, NULL AS "titleHeadline", ${headline(Prisma.sql`m."body"`, input, false)} AS "snippetHeadline" FROM (
          SELECT sp."sourceId" || '-' || sp."position" AS "id", sp."sourceId", sp."position", NULL AS "annotationId", NULL AS "ownerTag",
            NULL::timestamp AS "hiddenAt", s."title" AS "label", sp."text" AS "body", ts_rank(sp."searchVector", ${query}) AS "rank"
          FROM (SELECT * FROM "SourceSearchParagraph" sp WHERE sp."workshopId" = ${workshopId} AND sp."searchVector" @@ ${query}
            AND ${sourceId ? Prisma.sql`sp."sourceId" = ${sourceId}` : all} LIMIT ${RANKED_CANDIDATES}) sp
          JOIN "Source" s ON s."id" = sp."sourceId" AND s."revision" = sp."revision"
          ORDER BY "rank" DESC, s."position", sp."position" LIMIT ${limit}) m
        ORDER BY m."rank" DESC, m."id"`;
    case "annotation":
      return Prisma.sql`
        SELECT m.*, NULL AS "titleHeadline", ${headline(Prisma.sql`m."body"`, input, false)} AS "snippetHeadline" FROM (
          SELECT a."id", p."sourceId", NULL::int AS "position", a."id" AS "annotationId", a."ownerTag", a."hiddenAt",
            left(p."exact", 200) AS "label", a."comment" AS "body", ts_rank(a."searchVector", ${query}) AS "rank"
          FROM (SELECT a.* FROM "Annotation" a JOIN "Passage" p ON p."id" = a."passageId"
            WHERE a."workshopId" = ${workshopId} AND a."searchVector" @@ ${query} AND ${visible("a", input)}
              AND ${sourceId ? Prisma.sql`p."sourceId" = ${sourceId}` : all}
              AND ${themeId ? Prisma.sql`EXISTS (SELECT 1 FROM "AnnotationTheme" t WHERE t."annotationId" = a."id" AND t."themeId" = ${themeId})` : all}
            LIMIT ${RANKED_CANDIDATES}) a
          JOIN "Passage" p ON p."id" = a."passageId"
          ORDER BY "rank" DESC, a."id" LIMIT ${limit}) m
        ORDER BY m."rank" DESC, m."id"`;
    case "reply":
      return Prisma.sql`
        SELECT m.*, NULL AS "titleHeadline", ${headline(Prisma.sql`m."body"`, input, false)} AS "snippetHeadline" FROM (
          SELECT r."id", p."sourceId", NULL::int AS "position", a."id" AS "annotationId", r."ownerTag", r."hiddenAt",
            left(p."exact", 200) AS "label", r."body" AS "body", ts_rank(r."searchVector", ${query}) AS "rank"
          FROM (SELECT r.* FROM "AnnotationReply" r JOIN "Annotation" a ON a."id" = r."annotationId" JOIN "Passage" p ON p."id" = a."passageId"
            WHERE a."workshopId" = ${workshopId} AND r."searchVector" @@ ${query} AND ${visible("r", input)} AND ${visible("a", input)}
              AND ${sourceId ? Prisma.sql`p."sourceId" = ${sourceId}` : all}
              AND ${themeId ? Prisma.sql`EXISTS (SELECT 1 FROM "AnnotationTheme" t WHERE t."annotationId" = a."id" AND t."themeId" = ${themeId})` : all}
            LIMIT ${RANKED_CANDIDATES}) r
          JOIN "Annotation" a ON a."id" = r."annotationId" JOIN "Passage" p ON p."id" = a."passageId"
          ORDER BY "rank" DESC, r."id" LIMIT ${limit}) m
        ORDER BY m."rank" DESC, m."id"`;
    case "lesson":
      return Prisma.sql`
        SELECT m.*, ${headline(Prisma.sql`m."statement"`, input, true)} AS "titleHeadline",
          CASE WHEN m."elaboration" = '' THEN NULL ELSE ${headline(Prisma.sql`m."elaboration"`, input, false)} END AS "snippetHeadline" FROM (
          SELECT l."id", NULL AS "sourceId", NULL::int AS "position", NULL AS "annotationId", l."ownerTag", l."hiddenAt",
            NULL AS "label", l."statement", l."elaboration", ts_rank(l."searchVector", ${query}) AS "rank"
          FROM (SELECT * FROM "Lesson" l
            WHERE l."workshopId" = ${workshopId} AND l."mergedAt" IS NULL AND l."searchVector" @@ ${query} AND ${visible("l", input)}
              AND ${sourceId ? Prisma.sql`EXISTS (SELECT 1 FROM "LessonEvidence" e JOIN "Passage" p ON p."id" = e."passageId" WHERE e."lessonId" = l."id" AND p."sourceId" = ${sourceId})` : all}
              AND ${themeId ? Prisma.sql`EXISTS (SELECT 1 FROM "LessonTheme" t WHERE t."lessonId" = l."id" AND t."themeId" = ${themeId})` : all}
            LIMIT ${RANKED_CANDIDATES}) l
          ORDER BY "rank" DESC, l."id" LIMIT ${limit}) m
        ORDER BY m."rank" DESC, m."id"`;
    case "note":
      if (themeId || sourceId) return null;
      return Prisma.sql`
        SELECT n."id", NULL AS "sourceId", NULL::int AS "position", NULL AS "annotationId", NULL AS "ownerTag", NULL::timestamp AS "hiddenAt",
          NULL AS "label", NULL AS "titleHeadline", ${headline(Prisma.sql`n."plainText"`, input, false)} AS "snippetHeadline"
        FROM "MeetingNote" n WHERE n."workshopId" = ${workshopId} AND n."searchVector" @@ ${query}`;
  }
}
