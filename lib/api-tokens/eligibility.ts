import "server-only";
import type { PrismaClient } from "@/lib/db";

/**
 * Who may create access tokens: organizers of at least one workshop. Scripts are an organizer's
 * tool (exports, codebooks across workshops); a token still gives no more than its person's
 * role in each workshop, so an organizer's token reads a workshop they only participate in as a
 * participant would.
 */
export async function isOrganizerSomewhere(db: PrismaClient, userId: string): Promise<boolean> {
  return (await db.membership.count({ where: { userId, role: "ORGANIZER" } })) > 0;
}
