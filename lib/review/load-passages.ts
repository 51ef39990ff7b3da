import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PrismaClient } from "@/lib/db";
import type { HiddenAnnotationRow, PassageRow } from "./passage-uses";

/**
 * A workshop's passages (or one source's) with their annotations as the review counts them:
 * those nobody hid as a number per passage, counted by the database (a large workshop has tens
 * of thousands; per passage through its index, a plan that needs no statistics, which the
 * embedded database never gathers), and the hidden ones as rows, since only the workshop's key can tell whether the
 * viewer may still see each (./passage-uses.ts). With a theme, only annotations tagged with it.
 */
export async function loadPassageAnnotations(
  db: PrismaClient,
  { workshopId, sourceId, themeId }: { workshopId: string; sourceId?: string; themeId?: string | null },
): Promise<{ passages: PassageRow[]; hiddenAnnotations: HiddenAnnotationRow[] }> {
  const ofSource = sourceId ? Prisma.sql`AND p."sourceId" = ${sourceId}` : Prisma.empty;
  const ofTheme = themeId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "AnnotationTheme" t WHERE t."annotationId" = a."id" AND t."themeId" = ${themeId})` : Prisma.empty;
  const [passages, hiddenAnnotations] = await Promise.all([
    db.$queryRaw<PassageRow[]>`
      SELECT p."id", p."sourceId", p."start", p."end", p."exact", p."state"::text AS "state",
             (SELECT count(*) FROM "Annotation" a WHERE a."passageId" = p."id" AND a."hiddenAt" IS NULL ${ofTheme})::int AS "openAnnotations"
        FROM "Passage" p
       WHERE p."workshopId" = ${workshopId} ${ofSource}`,
    db.annotation.findMany({
      where: { workshopId, hiddenAt: { not: null }, ...(sourceId ? { passage: { sourceId } } : {}), ...(themeId ? { themes: { some: { themeId } } } : {}) },
      select: { id: true, passageId: true, hiddenAt: true, ownerTag: true },
    }),
  ]);
  return { passages, hiddenAnnotations };
}
