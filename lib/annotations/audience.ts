import "server-only";
import { getPrisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { rolesAllowedTo } from "@/lib/workshops/policy";

/**
 * Who is looking. Hidden contributions stay visible to their author (to know) and to the
 * workshop's organizers (to undo), never to anyone else; nobody learns the author either way.
 */
export interface Audience {
  viewerId: string;
  isModerator: boolean;
}

export function canSee(item: { hiddenAt: Date | null; authorId: string }, audience: Audience): boolean {
  return !item.hiddenAt || audience.isModerator || item.authorId === audience.viewerId;
}

/** The audiences of several people in one workshop (moderators: the roles the policy lets moderate). */
export async function audiencesOf(workshopId: string, userIds: readonly string[]): Promise<Map<string, Audience>> {
  const db = await getPrisma();
  const organizers = await db.membership.findMany({
    where: { workshopId, role: { in: [...rolesAllowedTo("content.moderate")] }, userId: { in: [...userIds] } },
    select: { userId: true },
  });
  const moderatorIds = new Set(organizers.map((organizer) => organizer.userId));
  return new Map(userIds.map((viewerId) => [viewerId, { viewerId, isModerator: moderatorIds.has(viewerId) }]));
}

export function audienceFor(viewerId: string, role: Role): Audience {
  return { viewerId, isModerator: rolesAllowedTo("content.moderate").includes(role) };
}
