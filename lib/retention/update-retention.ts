import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { notifyWorkshopChanged } from "@/lib/realtime/hub";
import { ZRetentionInput, type RetentionInput } from "@/lib/exports/schemas";
import { presentRetention, type PresentedRetention } from "./schedule";

/**
 * Sets how many days after closing the workshop's raw contributions are deleted (null: never).
 * Organizers only, also once the workshop is closed (that is when it matters). Once retention
 * has run, the setting no longer brings anything back; it is kept for the record.
 */
export async function updateRetention({ viewer, workshopId, input }: { viewer: Viewer; workshopId: string; input: RetentionInput }): Promise<PresentedRetention> {
  const { retentionDays } = parseInput(ZRetentionInput, input);
  await requireWorkshopPermission(viewer, workshopId, "workshop.retention");
  const db = await getPrisma();
  const workshop = await db.workshop.update({
    where: { id: workshopId },
    data: { retentionDays },
    select: { status: true, closedAt: true, retentionDays: true, retentionAppliedAt: true },
  });
  notifyWorkshopChanged(workshopId);
  return presentRetention(workshop);
}
