import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { notifyLessonsChanged } from "@/lib/realtime/hub";

/**
 * Reveals the stances held back by the workshop's setting (organizers): from now on everyone
 * sees each lesson's phrase, and counts where they single nobody out. Open boards refetch.
 */
export async function revealStances({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<void> {
  await requireWorkshopPermission(viewer, workshopId, "lessons.reveal");
  const db = await getPrisma();
  await db.workshop.updateMany({ where: { id: workshopId, stancesRevealedAt: null }, data: { stancesRevealedAt: new Date() } });
  notifyLessonsChanged(workshopId);
}
