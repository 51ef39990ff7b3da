import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";

export interface CodebookOrigin {
  id: string;
  title: string;
  themeCount: number;
}

/**
 * The workshops whose codebook a new workshop may start from: those the viewer organizes, and
 * only those (a participant's view of a codebook is not theirs to copy), with their theme counts.
 */
export async function findCodebookOrigins({ viewer }: { viewer: Viewer }): Promise<CodebookOrigin[]> {
  const db = await getPrisma();
  const memberships = await db.membership.findMany({
    where: { userId: viewer.id, role: "ORGANIZER" },
    select: { workshop: { select: { id: true, title: true, _count: { select: { themes: true } } } } },
  });
  return memberships
    .map(({ workshop }) => ({ id: workshop.id, title: workshop.title, themeCount: workshop._count.themes }))
    .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}
