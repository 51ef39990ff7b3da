import "server-only";
import { getPrisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { ownershipOf, type ContributionScope, type Ownership } from "@/lib/ownership/ownership";
import { rolesAllowedTo } from "@/lib/workshops/policy";

/**
 * Who is looking. Hidden contributions stay visible to their author (to know) and to the
 * workshop's organizers (to undo), never to anyone else; nobody learns the author either way.
 * Authorship is known only through the workshop's ownership key (lib/ownership/): a
 * contribution is the viewer's when its owner tag is the one their user id gives.
 */
export interface Audience {
  viewerId: string;
  isModerator: boolean;
  ownership: Ownership;
}

export function canSee(item: { hiddenAt: Date | null; ownerTag: string | null }, scope: ContributionScope, audience: Audience): boolean {
  return !item.hiddenAt || audience.isModerator || audience.ownership.owns(scope, item.ownerTag);
}

/** The audiences of several people in one workshop (moderators: the roles the policy lets moderate). */
export async function audiencesOf(workshopId: string, userIds: readonly string[]): Promise<Map<string, Audience>> {
  const db = await getPrisma();
  const [organizers, key] = await Promise.all([
    db.membership.findMany({
      where: { workshopId, role: { in: [...rolesAllowedTo("content.moderate")] }, userId: { in: [...userIds] } },
      select: { userId: true },
    }),
    findWorkshopKey(db, workshopId),
  ]);
  const moderatorIds = new Set(organizers.map((organizer) => organizer.userId));
  return new Map(userIds.map((viewerId) => [viewerId, { viewerId, isModerator: moderatorIds.has(viewerId), ownership: ownershipOf(key, viewerId) }]));
}

/** One member's audience, given their role and the workshop's key (null once sealed). */
export function audienceFor(viewerId: string, role: Role, key: Buffer | null): Audience {
  return { viewerId, isModerator: rolesAllowedTo("content.moderate").includes(role), ownership: ownershipOf(key, viewerId) };
}

/** One member's audience, reading the workshop's key. */
export async function audienceIn(workshopId: string, viewerId: string, role: Role): Promise<Audience> {
  return audienceFor(viewerId, role, await findWorkshopKey(await getPrisma(), workshopId));
}
