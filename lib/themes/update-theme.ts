import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notifyCodebookChanged } from "@/lib/realtime/hub";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { themeErrors } from "./errors";
import { findIn, lockCodebook, readCodebook } from "./lock-codebook";
import { themeNameKey } from "./name-key";
import { presentTheme, type PresentedTheme } from "./present";
import { ZUpdateThemeInput, type UpdateThemeInput } from "./schemas";

export interface UpdateThemeOptions {
  viewer: Viewer;
  workshopId: string;
  themeId: string;
  input: UpdateThemeInput;
}

/** Renames, describes or recolours a theme (organizers); what is tagged with it stays tagged. */
export async function updateTheme({ viewer, workshopId, themeId, input }: UpdateThemeOptions): Promise<PresentedTheme> {
  const { name, description, color } = parseInput(ZUpdateThemeInput, input);
  await requireWorkshopPermission(viewer, workshopId, "themes.manage");
  const db = await getPrisma();
  const theme = await db.$transaction(async (tx) => {
    await lockCodebook(tx, workshopId);
    const codebook = await readCodebook(tx, workshopId);
    const current = findIn(codebook, themeId);
    const nameKey = name === undefined ? current.nameKey : themeNameKey(name);
    if (codebook.some((other) => other.id !== themeId && other.nameKey === nameKey)) throw themeErrors.nameTaken();
    return tx.theme.update({
      where: { id: themeId },
      data: { ...(name === undefined ? {} : { name, nameKey }), description, color },
    });
  });
  notifyCodebookChanged(workshopId);
  return presentTheme(theme);
}
