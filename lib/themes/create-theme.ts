import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notifyCodebookChanged } from "@/lib/realtime/hub";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { themeErrors } from "./errors";
import { lockCodebook, readCodebook } from "./lock-codebook";
import { themeNameKey } from "./name-key";
import { nextThemeColor } from "./palette";
import { presentTheme, type PresentedTheme } from "./present";
import { THEMES_PER_WORKSHOP_MAX, ZCreateThemeInput, type CreateThemeInput } from "./schemas";

export interface CreateThemeOptions {
  viewer: Viewer;
  workshopId: string;
  input: CreateThemeInput;
}

/**
 * Adds a theme at the end of the codebook (organizers). Its colour is the one given, or the
 * first palette colour no theme uses yet. Names are unique per workshop, ignoring case.
 */
export async function createTheme({ viewer, workshopId, input }: CreateThemeOptions): Promise<PresentedTheme> {
  const { name, description, color } = parseInput(ZCreateThemeInput, input);
  await requireWorkshopPermission(viewer, workshopId, "themes.manage");
  const db = await getPrisma();
  const theme = await db.$transaction(async (tx) => {
    await lockCodebook(tx, workshopId);
    const codebook = await readCodebook(tx, workshopId);
    const nameKey = themeNameKey(name);
    if (codebook.some((theme) => theme.nameKey === nameKey)) throw themeErrors.nameTaken();
    if (codebook.length >= THEMES_PER_WORKSHOP_MAX) throw themeErrors.codebookFull();
    return tx.theme.create({
      data: {
        workshopId,
        name,
        nameKey,
        description,
        color: color ?? nextThemeColor(codebook.map((theme) => theme.color)),
        position: codebook.length,
      },
    });
  });
  notifyCodebookChanged(workshopId);
  return presentTheme(theme);
}
