import type { PrismaClient } from "@/lib/db";
import type { ContributionKind } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { ownershipOf, type ContributionScope } from "./ownership";
import { ensureWorkshopKey } from "./workshop-key";
import { vacuumContributionTables } from "./vacuum";

/** The table and scope of each kind a migration may have left pending. */
const TABLES: Partial<Record<ContributionKind, { table: string; scope: ContributionScope["kind"] }>> = {
  ANNOTATION: { table: "Annotation", scope: "annotation" },
  REPLY: { table: "AnnotationReply", scope: "reply" },
  THEME_PROPOSAL: { table: "ThemeProposal", scope: "proposal" },
  LESSON: { table: "Lesson", scope: "lesson" },
};

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Turns the authors that the owner-tags migration set aside (PendingOwnership: kind, item, user)
 * into owner tags under each workshop's key, and, in attributed workshops, into attribution
 * links; then empties the table and vacuums, so the user ids are gone from the live rows. Run by
 * the server at start, after migrations; a no-op once done. Returns how many rows it converted.
 */
export async function convertPendingOwnership(db: PrismaClient): Promise<number> {
  const pending = await db.pendingOwnership.findMany();
  if (pending.length === 0) return 0;
  const byWorkshop = groupBy(pending, (row) => row.workshopId);
  for (const [workshopId, rows] of byWorkshop) {
    await db.$transaction(async (tx) => {
      const workshop = await tx.workshop.findUnique({ where: { id: workshopId }, select: { attribution: true } });
      if (workshop) {
        const key = await ensureWorkshopKey(tx, workshopId);
        for (const [kind, ofKind] of groupBy(rows, (row) => row.kind)) {
          const target = TABLES[kind];
          if (!target) continue;
          const ids = ofKind.map((row) => row.itemId);
          const tags = ofKind.map((row) => ownershipOf(key, row.userId).tagFor({ kind: target.scope, id: row.itemId } as ContributionScope));
          // The table name comes from the fixed map above, never from input.
          await tx.$executeRawUnsafe(
            `UPDATE "${target.table}" AS t SET "ownerTag" = v.tag FROM unnest($1::text[], $2::text[]) AS v(id, tag) WHERE t."id" = v.id`,
            ids,
            tags,
          );
        }
        if (workshop.attribution === "ATTRIBUTED") {
          await tx.attribution.createMany({
            data: rows.map(({ kind, itemId, userId }) => ({ workshopId, kind, itemId, userId })),
            skipDuplicates: true,
          });
        }
      }
      await tx.pendingOwnership.deleteMany({ where: { workshopId } });
    });
  }
  await vacuumContributionTables(db).catch((error) => logger.warn("vacuum after converting ownership failed", { error: String(error) }));
  return pending.length;
}
