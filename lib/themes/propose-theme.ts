import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { deliverLive, notifyCodebookChanged } from "@/lib/realtime/hub";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { newId } from "@/lib/ownership/ids";
import { claimContribution } from "@/lib/ownership/claim-contribution";
import { ownershipIn } from "@/lib/ownership/workshop-key";
import { themeErrors } from "./errors";
import { lockCodebook } from "./lock-codebook";
import { themeNameKey } from "./name-key";
import { presentThemeProposal, type PresentedThemeProposal } from "./present";
import { ZProposeThemeInput, type ProposeThemeInput } from "./schemas";

export interface ProposeThemeOptions {
  viewer: Viewer;
  workshopId: string;
  input: ProposeThemeInput;
}

/**
 * Proposes a theme for the codebook (rapporteurs and participants), with why it is needed.
 * Refused when the codebook already has a theme of that name, or the same name awaits a
 * decision. Every member sees proposals; none sees who made them.
 */
export async function proposeTheme({ viewer, workshopId, input }: ProposeThemeOptions): Promise<PresentedThemeProposal> {
  const { name, description, reason } = parseInput(ZProposeThemeInput, input);
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "themes.propose");
  const db = await getPrisma();
  const nameKey = themeNameKey(name);
  const proposal = await db.$transaction(async (tx) => {
    // Under the codebook lock, so that a theme of that name cannot appear between check and write.
    await lockCodebook(tx, workshopId);
    if (await tx.theme.findFirst({ where: { workshopId, nameKey }, select: { id: true } })) throw themeErrors.nameTaken();
    const pending = await tx.themeProposal.findMany({ where: { workshopId, status: "PENDING" }, select: { name: true } });
    if (pending.some((other) => themeNameKey(other.name) === nameKey)) throw themeErrors.proposalDuplicate();
    const id = newId();
    const ownerTag = await claimContribution(tx, { workshop, userId: viewer.id, kind: "THEME_PROPOSAL", id });
    return tx.themeProposal.create({ data: { id, workshopId, ownerTag, name, description, reason } });
  });
  // A proposal is a member's contribution: in a small room, the moment it appears would point
  // at whoever just clicked, so it goes out with the small-room batching like annotations do.
  // Organizers' codebook changes and decisions go out at once (notifyCodebookChanged).
  await deliverLive(workshopId, "theme-proposals", async () => notifyCodebookChanged(workshopId));
  return presentThemeProposal(proposal, await ownershipIn(db, workshopId, viewer.id));
}
