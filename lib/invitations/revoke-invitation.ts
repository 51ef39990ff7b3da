import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { requireWorkshopPermission } from "@/lib/workshops/access";

/** Withdraws a pending invitation: its link stops working. */
export async function revokeInvitation({ viewer, workshopId, invitationId }: { viewer: Viewer; workshopId: string; invitationId: string }): Promise<void> {
  await requireWorkshopPermission(viewer, workshopId, "members.invite");
  const db = await getPrisma();
  const { count } = await db.invitation.updateMany({
    where: { id: invitationId, workshopId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Invitation");
}
