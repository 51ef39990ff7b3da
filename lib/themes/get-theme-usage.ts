import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { isId } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { countThemeUsage, type ThemeUsage } from "./count-theme-usage";
import { themeErrors } from "./errors";

/**
 * What deleting or merging a theme would touch, for the organizers' confirmation dialog: how
 * many annotations and lessons are tagged with it, and how many of those have no other theme.
 */
export async function getThemeUsage({ viewer, workshopId, themeId }: { viewer: Viewer; workshopId: string; themeId: string }): Promise<ThemeUsage> {
  await requireWorkshopPermission(viewer, workshopId, "themes.manage");
  if (!isId(themeId)) throw themeErrors.gone();
  const db = await getPrisma();
  return db.$transaction(async (tx) => {
    const theme = await tx.theme.findFirst({ where: { id: themeId, workshopId }, select: { id: true } });
    if (!theme) throw themeErrors.gone();
    return countThemeUsage(tx, themeId);
  });
}
