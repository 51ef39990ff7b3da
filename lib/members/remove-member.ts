import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { disconnectMemberSockets } from "@/lib/realtime/hub";
import { assertAnotherOrganizerRemains } from "./organizers";

/**
 * Removes a member. Access ends at once: the membership row goes, and their open sockets in
 * this workshop are disconnected. What they contributed stays, anonymous as before.
 */
export async function removeMember({ viewer, workshopId, membershipId }: { viewer: Viewer; workshopId: string; membershipId: string }): Promise<void> {
  await requireWorkshopPermission(viewer, workshopId, "members.remove");
  const db = await getPrisma();
  const userId = await db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, workshopId } });
    if (!membership) throw notFound("Member");
    if (membership.role === "ORGANIZER") await assertAnotherOrganizerRemains(tx, workshopId, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    return membership.userId;
  });
  await disconnectMemberSockets(workshopId, userId);
}
