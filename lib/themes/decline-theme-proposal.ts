import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notifyCodebookChanged } from "@/lib/realtime/hub";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { lockPendingProposal } from "./lock-proposal";
import { ownershipIn } from "@/lib/ownership/workshop-key";
import { presentThemeProposal, type PresentedThemeProposal } from "./present";
import { ZDeclineProposalInput, type DeclineProposalInput } from "./schemas";

export interface DeclineThemeProposalOptions {
  viewer: Viewer;
  workshopId: string;
  proposalId: string;
  input: DeclineProposalInput;
}

/** Declines a pending proposal with a short reason that every member reads (organizers). */
export async function declineThemeProposal({ viewer, workshopId, proposalId, input }: DeclineThemeProposalOptions): Promise<PresentedThemeProposal> {
  const { response } = parseInput(ZDeclineProposalInput, input);
  await requireWorkshopPermission(viewer, workshopId, "themes.manage");
  const db = await getPrisma();
  const proposal = await db.$transaction(async (tx) => {
    await lockPendingProposal(tx, workshopId, proposalId);
    return tx.themeProposal.update({ where: { id: proposalId }, data: { status: "DECLINED", response, decidedAt: new Date() } });
  });
  notifyCodebookChanged(workshopId);
  return presentThemeProposal(proposal, await ownershipIn(db, workshopId, viewer.id));
}
