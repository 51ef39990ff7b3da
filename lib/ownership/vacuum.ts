import type { PrismaClient } from "@/lib/db";

/**
 * Tables whose rows held, or hold, who wrote what. PostgreSQL keeps the old version of an
 * updated or deleted row on disk until VACUUM reclaims it: after owner tags are erased (sealing)
 * or user ids replaced (the owner-tags migration), the old versions would still carry them.
 * VACUUM (not FULL: no exclusive lock) marks that space free; the bytes may stay on disk until
 * reused, which docs/ANONYMITY.md states plainly.
 */
export const CONTRIBUTION_TABLES = [
  "Annotation",
  "AnnotationReply",
  "ThemeProposal",
  "Lesson",
  "LessonEvidence",
  "Stance",
  "LessonMergeNotice",
  "WorkshopOwnershipKey",
  "PendingOwnership",
  "Attribution",
] as const;

/** VACUUMs the contribution tables; outside any transaction (VACUUM cannot run inside one). */
export async function vacuumContributionTables(db: PrismaClient): Promise<void> {
  await db.$executeRawUnsafe(`VACUUM ${CONTRIBUTION_TABLES.map((table) => `"${table}"`).join(", ")}`);
}
