import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notifyCodebookChanged } from "@/lib/realtime/hub";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { countThemeUsage, type ThemeUsage } from "./count-theme-usage";
import { findIn, lockCodebook, readCodebook, writePositions } from "./lock-codebook";

export interface DeleteThemeOptions {
  viewer: Viewer;
  workshopId: string;
  themeId: string;
}

/**
 * Deletes a theme (organizers). Its tags go with it (annotations and lessons stay, and those
 * tagged with nothing else become untagged); the themes after it move up a place.
 * Returns what it touched, as counted inside the transaction.
 */
export async function deleteTheme({ viewer, workshopId, themeId }: DeleteThemeOptions): Promise<ThemeUsage> {
  await requireWorkshopPermission(viewer, workshopId, "themes.manage");
  const db = await getPrisma();
  const usage = await db.$transaction(async (tx) => {
    await lockCodebook(tx, workshopId);
    const codebook = await readCodebook(tx, workshopId);
    findIn(codebook, themeId);
    // Taggers hold a key-share lock on the themes they check until they commit: wait for them,
    // so that the counts include their tags (the delete below removes those tags too).
    await tx.$queryRaw`SELECT 1 FROM "Theme" WHERE "id" = ${themeId} FOR UPDATE`;
    const usage = await countThemeUsage(tx, themeId);
    // The tag rows cascade with the theme.
    await tx.theme.delete({ where: { id: themeId } });
    await writePositions(tx, codebook.filter((theme) => theme.id !== themeId));
    return usage;
  });
  notifyCodebookChanged(workshopId);
  return usage;
}
