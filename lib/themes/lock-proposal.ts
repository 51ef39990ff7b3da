import "server-only";
import type { Tx } from "@/lib/db";
import type { ThemeProposal } from "@/lib/generated/prisma/client";
import { isId } from "@/lib/validation";
import { themeErrors } from "./errors";

/**
 * Locks a pending proposal of this workshop for the rest of the transaction, so that two
 * organizers deciding it at once cannot both succeed: the second finds it decided.
 */
export async function lockPendingProposal(tx: Tx, workshopId: string, proposalId: string): Promise<ThemeProposal> {
  if (!isId(proposalId)) throw themeErrors.proposalGone();
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ThemeProposal" WHERE "id" = ${proposalId} AND "workshopId" = ${workshopId} FOR UPDATE`;
  if (locked.length === 0) throw themeErrors.proposalGone();
  const proposal = await tx.themeProposal.findUniqueOrThrow({ where: { id: proposalId } });
  if (proposal.status !== "PENDING") throw themeErrors.proposalDecided();
  return proposal;
}
