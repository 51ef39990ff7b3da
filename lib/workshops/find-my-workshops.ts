import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { presentWorkshop, type PresentedWorkshop } from "./present";

/** The viewer's workshops: open ones first, then closed, then archived; by date within each. */
export async function findMyWorkshops({ viewer }: { viewer: Viewer }): Promise<PresentedWorkshop[]> {
  const db = await getPrisma();
  const memberships = await db.membership.findMany({ where: { userId: viewer.id }, include: { workshop: true } });
  const statusOrder = { OPEN: 0, CLOSED: 1, ARCHIVED: 2 } as const;
  return memberships
    .map(({ workshop, role }) => presentWorkshop(workshop, { role }))
    .sort(
      (a, b) =>
        statusOrder[a.status] - statusOrder[b.status] ||
        (b.date ?? "").localeCompare(a.date ?? "") ||
        a.title.localeCompare(b.title),
    );
}
