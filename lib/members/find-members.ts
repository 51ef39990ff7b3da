import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { presentMemberForOrganizer, type PresentedMember } from "./present";

const ROLE_ORDER = { ORGANIZER: 0, RAPPORTEUR: 1, PARTICIPANT: 2, OBSERVER: 3 } as const;

/** The workshop's members, for organizers only, by role then name (never by joining order). */
export async function findMembers({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<PresentedMember[]> {
  await requireWorkshopPermission(viewer, workshopId, "members.view");
  const db = await getPrisma();
  const memberships = await db.membership.findMany({ where: { workshopId }, include: { user: true } });
  return memberships
    .map((membership) => presentMemberForOrganizer(membership, viewer.id))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.displayName.localeCompare(b.displayName));
}
