import type { PrismaClient } from "@/lib/db";
import { notifyWorkshopChanged } from "@/lib/realtime/hub";
import { sealContributions } from "./seal-contributions";
import { vacuumContributionTables } from "./vacuum";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Seals what should be sealed by now: workshops closed for `days` days or more, and archived
 * ones that still hold a key (archived before sealing existed). Run at server start and every
 * hour. Returns the ids it sealed.
 */
export async function sealExpiredWorkshops(db: PrismaClient, { days, now = new Date() }: { days: number; now?: Date }): Promise<string[]> {
  const due = await db.workshop.findMany({
    where: {
      ownershipKey: { isNot: null },
      OR: [{ status: "CLOSED", closedAt: { lte: new Date(now.getTime() - days * DAY_MS) } }, { status: "ARCHIVED" }],
    },
    select: { id: true },
  });
  for (const { id } of due) {
    await db.$transaction((tx) => sealContributions(tx, id, now));
    notifyWorkshopChanged(id);
  }
  if (due.length) await vacuumContributionTables(db);
  return due.map(({ id }) => id);
}
