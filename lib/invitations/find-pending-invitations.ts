import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { presentInvitation, type PresentedInvitation } from "./present";

/** Invitations not yet accepted, revoked or expired, for organizers. */
export async function findPendingInvitations({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<PresentedInvitation[]> {
  await requireWorkshopPermission(viewer, workshopId, "members.view");
  const db = await getPrisma();
  const invitations = await db.invitation.findMany({
    where: { workshopId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { email: "asc" },
  });
  return invitations.map(presentInvitation);
}
