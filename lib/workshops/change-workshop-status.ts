import "server-only";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "./access";
import { ZWorkshopStatusChange } from "./schemas";
import { notifyWorkshopChanged } from "@/lib/realtime/hub";
import { canChangeStatus } from "./status-transitions";
import { logger } from "@/lib/logger";
import { sealContributions } from "@/lib/ownership/seal-contributions";
import { vacuumContributionTables } from "@/lib/ownership/vacuum";

export interface ChangeWorkshopStatusOptions {
  viewer: Viewer;
  workshopId: string;
  status: unknown;
}

/**
 * Opens, closes (read-only for everyone) or archives a workshop. An archived workshop stays
 * archived: it is the read-only record of what was said, and archiving seals it (its ownership
 * key destroyed: lib/ownership/seal-contributions.ts). Closing starts the clock after which a
 * closed workshop is sealed by itself (SEAL_AFTER_CLOSED_DAYS); reopening stops it.
 */
export async function changeWorkshopStatus({ viewer, workshopId, status }: ChangeWorkshopStatusOptions): Promise<void> {
  const next = parseInput(ZWorkshopStatusChange, status);
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "workshop.changeStatus");
  if (!canChangeStatus(workshop.status, next)) {
    throw new AppError("CONFLICT", "archivedIsFinal", "An archived workshop cannot be reopened.");
  }
  if (workshop.status === next) return;
  const db = await getPrisma();
  await db.$transaction(async (tx) => {
    // Archiving keeps the day it was closed (or makes today that day): retention counts from it.
    const closedAt = next === "OPEN" ? null : next === "CLOSED" ? new Date() : (workshop.closedAt ?? new Date());
    await tx.workshop.update({ where: { id: workshopId }, data: { status: next, closedAt } });
    if (next === "ARCHIVED") await sealContributions(tx, workshopId);
  });
  if (next === "ARCHIVED") await vacuumContributionTables(db).catch((error) => logger.warn("vacuum after sealing failed", { error: String(error) }));
  notifyWorkshopChanged(workshopId);
}
