import "server-only";
import { getPrisma } from "@/lib/db";

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

/** The audiences of several people in one workshop (moderators are its organizers). */
export async function audiencesOf(workshopId: string, userIds: readonly string[]): Promise<Map<string, Audience>> {
  const db = await getPrisma();
  const organizers = await db.membership.findMany({
    where: { workshopId, role: "ORGANIZER", userId: { in: [...userIds] } },
    select: { userId: true },
  });
  const moderatorIds = new Set(organizers.map((organizer) => organizer.userId));
  return new Map(userIds.map((viewerId) => [viewerId, { viewerId, isModerator: moderatorIds.has(viewerId) }]));
}

export function audienceFor(viewerId: string, role: string): Audience {
  return { viewerId, isModerator: role === "ORGANIZER" };
}
