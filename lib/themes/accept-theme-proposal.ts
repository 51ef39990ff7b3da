import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notifyCodebookChanged } from "@/lib/realtime/hub";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { themeErrors } from "./errors";
import { lockCodebook, readCodebook } from "./lock-codebook";
import { lockPendingProposal } from "./lock-proposal";
import { themeNameKey } from "./name-key";
import { nextThemeColor } from "./palette";
import { ownershipIn } from "@/lib/ownership/workshop-key";
import { presentTheme, presentThemeProposal, type PresentedTheme, type PresentedThemeProposal } from "./present";
import { THEMES_PER_WORKSHOP_MAX, ZAcceptProposalInput, type AcceptProposalInput } from "./schemas";

export interface AcceptThemeProposalOptions {
  viewer: Viewer;
  workshopId: string;
  proposalId: string;
  /** Empty to accept as proposed; name, description or colour to edit it first. */
  input?: AcceptProposalInput;
}

/**
 * Accepts a pending proposal (organizers): it joins the codebook at the end, as proposed or as
 * edited. The name is checked again, since the codebook may have changed since it was proposed.
 */
export async function acceptThemeProposal({
  viewer,
  workshopId,
  proposalId,
  input,
}: AcceptThemeProposalOptions): Promise<{ theme: PresentedTheme; proposal: PresentedThemeProposal }> {
  const edits = parseInput(ZAcceptProposalInput, input ?? {});
  await requireWorkshopPermission(viewer, workshopId, "themes.manage");
  const db = await getPrisma();
  const result = await db.$transaction(async (tx) => {
    await lockCodebook(tx, workshopId);
    const proposal = await lockPendingProposal(tx, workshopId, proposalId);
    const codebook = await readCodebook(tx, workshopId);
    const name = edits.name ?? proposal.name;
    const nameKey = themeNameKey(name);
    if (codebook.some((theme) => theme.nameKey === nameKey)) throw themeErrors.nameTaken();
    if (codebook.length >= THEMES_PER_WORKSHOP_MAX) throw themeErrors.codebookFull();
    const theme = await tx.theme.create({
      data: {
        workshopId,
        name,
        nameKey,
        description: edits.description ?? proposal.description,
        color: edits.color ?? nextThemeColor(codebook.map((other) => other.color)),
        position: codebook.length,
      },
    });
    const decided = await tx.themeProposal.update({
      where: { id: proposalId },
      data: { status: "ACCEPTED", themeId: theme.id, decidedAt: new Date() },
    });
    return { theme, proposal: decided };
  });
  notifyCodebookChanged(workshopId);
  return { theme: presentTheme(result.theme), proposal: presentThemeProposal(result.proposal, await ownershipIn(db, workshopId, viewer.id)) };
}
