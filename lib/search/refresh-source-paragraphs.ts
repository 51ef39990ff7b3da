import "server-only";
import type { PrismaClient } from "@/lib/db";
import type { SourceFormat } from "@/lib/generated/prisma/enums";
import { parseMarkup } from "@/lib/sources/markup";

interface StaleSource {
  id: string;
  revision: number;
  format: SourceFormat;
  text: string;
  markup: string;
}

/**
 * Brings the workshop's per-paragraph search copy of its sources up to their current revisions.
 * The copy is derived data, rebuilt here when a source is new or was revised, so that no writer
 * of sources has to remember it. The source's row is read FOR SHARE: a revision (which locks it
 * FOR UPDATE) waits, and two searches rebuilding at once write the same rows (duplicates skipped).
 */
export async function refreshSourceParagraphs(db: PrismaClient, workshopId: string, sourceId?: string): Promise<void> {
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Source" s
    WHERE s."workshopId" = ${workshopId} AND (${sourceId ?? null}::text IS NULL OR s."id" = ${sourceId ?? null})
      AND length(s."text") > 0
      AND NOT EXISTS (SELECT 1 FROM "SourceSearchParagraph" p WHERE p."sourceId" = s."id" AND p."revision" = s."revision")`;
  for (const { id } of stale) {
    await db.$transaction(async (tx) => {
      const [source] = await tx.$queryRaw<StaleSource[]>`
        SELECT "id", "revision", "format"::text AS "format", "text", "markup" FROM "Source" WHERE "id" = ${id} FOR SHARE`;
      if (!source) return;
      const { text, blocks } = parseMarkup(source.markup || source.text, source.format);
      await tx.sourceSearchParagraph.deleteMany({ where: { sourceId: id, revision: { not: source.revision } } });
      await tx.sourceSearchParagraph.createMany({
        data: blocks
          .map((block, position) => ({ sourceId: id, workshopId, revision: source.revision, position, text: text.slice(block.start, block.end) }))
          .filter((paragraph) => paragraph.text.trim().length > 0),
        skipDuplicates: true,
      });
    });
  }
}
