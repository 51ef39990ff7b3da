import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import { notifyWorkshopChanged } from "@/lib/realtime/hub";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { sealContributions } from "./seal-contributions";
import { vacuumContributionTables } from "./vacuum";

/**
 * "Seal the workshop" (organizers): destroys the ownership key, so that everything written so far
 * belongs to nobody — nobody can edit or delete it any more, and nothing can tie it to anyone.
 * Allowed in any status (sealing a closed workshop early is its main use); contributions made
 * afterwards, if the workshop is open, get a new key. Returns when it was sealed.
 */
export async function sealWorkshop({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<{ sealedAt: Date }> {
  await requireWorkshopPermission(viewer, workshopId, "workshop.seal");
  const db = await getPrisma();
  const sealedAt = new Date();
  await db.$transaction((tx) => sealContributions(tx, workshopId, sealedAt));
  await vacuumContributionTables(db).catch((error) => logger.warn("vacuum after sealing failed", { error: String(error) }));
  notifyWorkshopChanged(workshopId);
  return { sealedAt };
}
