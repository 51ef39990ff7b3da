import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { presentTheme, type PresentedTheme } from "./present";

/** A workshop's codebook in its order, for any member. */
export async function findThemes({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<PresentedTheme[]> {
  await getWorkshopAccess(viewer, workshopId);
  const db = await getPrisma();
  const themes = await db.theme.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  return themes.map(presentTheme);
}
