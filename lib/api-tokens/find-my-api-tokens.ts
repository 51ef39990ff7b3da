import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { presentApiToken, type PresentedApiToken } from "./present";
import { isOrganizerSomewhere } from "./eligibility";

/**
 * The viewer's own tokens, newest first (expired ones too, marked, until revoked), and whether
 * they may create one.
 */
export async function findMyApiTokens({ viewer, now = new Date() }: { viewer: Viewer; now?: Date }): Promise<{ tokens: PresentedApiToken[]; canCreate: boolean }> {
  const db = await getPrisma();
  const [rows, canCreate] = await Promise.all([
    db.apiToken.findMany({ where: { userId: viewer.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
    isOrganizerSomewhere(db, viewer.id),
  ]);
  return { tokens: rows.map((row) => presentApiToken(row, now)), canCreate };
}
