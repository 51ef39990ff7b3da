import type { Tx } from "@/lib/db";

/**
 * Destroys a workshop's ownership key and erases every owner tag its contributions carry, in the
 * caller's transaction: from then on they belong to nobody, and nothing — not the server, not a
 * copy of the database with the server's secret — can tie them to anyone. (Erasing the tags as
 * well as the key matters: equal tags would otherwise still group one person's stances.) A
 * later contribution gets a new key. Vacuum afterwards (./vacuum.ts), outside the transaction.
 */
export async function sealContributions(tx: Tx, workshopId: string, now = new Date()): Promise<void> {
  await tx.workshopOwnershipKey.deleteMany({ where: { workshopId } });
  await tx.pendingOwnership.deleteMany({ where: { workshopId } });
  await tx.annotation.updateMany({ where: { workshopId, ownerTag: { not: null } }, data: { ownerTag: null } });
  await tx.annotationReply.updateMany({ where: { annotation: { workshopId }, ownerTag: { not: null } }, data: { ownerTag: null } });
  await tx.themeProposal.updateMany({ where: { workshopId, ownerTag: { not: null } }, data: { ownerTag: null } });
  await tx.lesson.updateMany({ where: { workshopId, ownerTag: { not: null } }, data: { ownerTag: null } });
  await tx.lessonEvidence.updateMany({ where: { lesson: { workshopId }, ownerTag: { not: null } }, data: { ownerTag: null } });
  await tx.stance.updateMany({ where: { lesson: { workshopId }, ownerTag: { not: null } }, data: { ownerTag: null } });
  // A notice says a merge withdrew someone's stance: without its tag it is nobody's to read.
  await tx.lessonMergeNotice.deleteMany({ where: { workshopId } });
  await tx.workshop.update({ where: { id: workshopId }, data: { sealedAt: now } });
}
