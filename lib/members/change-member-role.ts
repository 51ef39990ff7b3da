import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { disconnectMemberSockets } from "@/lib/realtime/hub";
import { ZRole } from "./schemas";
import { assertAnotherOrganizerRemains } from "./organizers";

export interface ChangeMemberRoleOptions {
  viewer: Viewer;
  workshopId: string;
  membershipId: string;
  role: unknown;
}

/** Gives a member another role. The workshop always keeps at least one organizer. */
export async function changeMemberRole({ viewer, workshopId, membershipId, role }: ChangeMemberRoleOptions): Promise<void> {
  const nextRole = parseInput(ZRole, role);
  await requireWorkshopPermission(viewer, workshopId, "members.changeRole");
  const db = await getPrisma();
  const userId = await db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, workshopId } });
    if (!membership) throw notFound("Member");
    if (membership.role === nextRole) return null;
    if (membership.role === "ORGANIZER") await assertAnotherOrganizerRemains(tx, workshopId, membership.id);
    await tx.membership.update({ where: { id: membership.id }, data: { role: nextRole } });
    return membership.userId;
  });
  // Their open pages hold permissions of the old role: make them reconnect and re-check.
  if (userId) await disconnectMemberSockets(workshopId, userId);
}

