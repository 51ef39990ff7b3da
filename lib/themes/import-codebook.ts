import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notifyCodebookChanged } from "@/lib/realtime/hub";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { parseCodebookFile } from "./codebook-files/parse-codebook-file";
import { themeErrors } from "./errors";
import { lockCodebook, readCodebook } from "./lock-codebook";
import { themeNameKey } from "./name-key";
import { nextThemeColor } from "./palette";
import { THEMES_PER_WORKSHOP_MAX } from "./schemas";

export interface ImportCodebookOptions {
  viewer: Viewer;
  workshopId: string;
  /** The uploaded file, at most 1 MB (checked again here). */
  bytes: Uint8Array;
}

/**
 * Adds the themes of a codebook file (Rapporteur JSON or REFI-QDA .qdc) to the end of the
 * workshop's codebook, in the file's order (organizers). Names already in the codebook, or
 * repeated in the file, are skipped (ignoring case). All or nothing: a bad file adds nothing.
 */
export async function importCodebook({ viewer, workshopId, bytes }: ImportCodebookOptions): Promise<{ added: number; skipped: number }> {
  await requireWorkshopPermission(viewer, workshopId, "themes.manage");
  const entries = parseCodebookFile(bytes);
  const db = await getPrisma();
  const added = await db.$transaction(async (tx) => {
    await lockCodebook(tx, workshopId);
    const codebook = await readCodebook(tx, workshopId);
    const keys = new Set(codebook.map((theme) => theme.nameKey));
    const colors = codebook.map((theme) => theme.color);
    const fresh = entries.filter((entry) => {
      const key = themeNameKey(entry.name);
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    });
    if (codebook.length + fresh.length > THEMES_PER_WORKSHOP_MAX) throw themeErrors.codebookFull();
    const rows = fresh.map((entry, index) => {
      const color = entry.color ?? nextThemeColor(colors);
      colors.push(color);
      return { workshopId, name: entry.name, nameKey: themeNameKey(entry.name), description: entry.description, color, position: codebook.length + index };
    });
    if (rows.length > 0) await tx.theme.createMany({ data: rows });
    return rows.length;
  });
  if (added > 0) notifyCodebookChanged(workshopId);
  return { added, skipped: entries.length - added };
}
