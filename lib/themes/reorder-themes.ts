import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notifyCodebookChanged } from "@/lib/realtime/hub";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import type { Theme } from "@/lib/generated/prisma/client";
import { themeErrors } from "./errors";
import { findIn, lockCodebook, readCodebook, writePositions } from "./lock-codebook";
import { presentTheme, type PresentedTheme } from "./present";
import { ZReorderThemesInput, type ReorderThemesInput } from "./schemas";

export interface ReorderThemesOptions {
  viewer: Viewer;
  workshopId: string;
  input: ReorderThemesInput;
}

/**
 * Changes the codebook's order (organizers): the whole new order, which must name every theme
 * exactly once, or one theme moved a place up or down (what the page's buttons send; a move
 * past either end changes nothing). Positions stay 0..n-1; the codebook lock makes concurrent
 * reorders apply one after the other. Returns the codebook in its new order.
 */
export async function reorderThemes({ viewer, workshopId, input }: ReorderThemesOptions): Promise<PresentedTheme[]> {
  const order = parseInput(ZReorderThemesInput, input);
  await requireWorkshopPermission(viewer, workshopId, "themes.manage");
  const db = await getPrisma();
  const { themes, changed } = await db.$transaction(async (tx) => {
    await lockCodebook(tx, workshopId);
    const codebook = await readCodebook(tx, workshopId);
    const wanted = "themeIds" in order ? fullOrder(codebook, order.themeIds) : moved(codebook, order.themeId, order.direction);
    const changed = wanted.some((theme, index) => theme.id !== codebook[index]!.id || theme.position !== index);
    await writePositions(tx, wanted);
    return { themes: wanted.map((theme, position) => ({ ...theme, position })), changed };
  });
  if (changed) notifyCodebookChanged(workshopId);
  return themes.map(presentTheme);
}

function fullOrder(codebook: readonly Theme[], themeIds: readonly string[]): Theme[] {
  const byId = new Map(codebook.map((theme) => [theme.id, theme]));
  if (themeIds.length !== codebook.length || new Set(themeIds).size !== themeIds.length || !themeIds.every((id) => byId.has(id))) {
    throw themeErrors.reorderMismatch();
  }
  return themeIds.map((id) => byId.get(id)!);
}

function moved(codebook: readonly Theme[], themeId: string, direction: "up" | "down"): Theme[] {
  const from = codebook.indexOf(findIn(codebook, themeId));
  const to = direction === "up" ? from - 1 : from + 1;
  const order = [...codebook];
  if (to < 0 || to >= order.length) return order;
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}
