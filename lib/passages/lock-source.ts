// Not "server-only": the server runs it at start (refresh-derived-texts), outside Next's bundler.
import type { Tx } from "@/lib/db";
import type { SourceFormat } from "@/lib/generated/prisma/enums";

export interface LockedSource {
  text: string;
  revision: number;
  format: SourceFormat;
}

/**
 * Locks a source's row for the rest of the transaction and reads its text, revision and format.
 * Picking passages and revising the text both take this lock, so offsets are always read
 * against the text they were taken from, and concurrent picks of one span make one passage.
 */
export async function lockSource(tx: Tx, workshopId: string, sourceId: string): Promise<LockedSource | null> {
  const rows = await tx.$queryRaw<LockedSource[]>`
    SELECT "text", "revision", "format"::text AS "format" FROM "Source" WHERE "id" = ${sourceId} AND "workshopId" = ${workshopId} FOR UPDATE`;
  return rows[0] ?? null;
}
