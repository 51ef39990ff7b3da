import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { coarsenTime } from "@/lib/time/coarse-time";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { ownershipIn } from "@/lib/ownership/workshop-key";
import { presentThemeProposal, type PresentedThemeProposal } from "./present";

const STATUS_ORDER = { PENDING: 0, ACCEPTED: 1, DECLINED: 2 } as const;

/**
 * Every proposal of the workshop, pending and decided, for any member. Pending ones first; within
 * a status, newest day first, then by name: the exact order of proposals is not shown, since it
 * could be matched to who was typing when.
 */
export async function findThemeProposals({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<PresentedThemeProposal[]> {
  await requireWorkshopPermission(viewer, workshopId, "workshop.view");
  const db = await getPrisma();
  const [proposals, ownership] = await Promise.all([db.themeProposal.findMany({ where: { workshopId } }), ownershipIn(db, workshopId, viewer.id)]);
  const day = (date: Date) => coarsenTime(date).day;
  return proposals
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        day(b.createdAt).localeCompare(day(a.createdAt)) ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    )
    .map((proposal) => presentThemeProposal(proposal, ownership));
}
