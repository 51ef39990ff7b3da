import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notifyCodebookChanged } from "@/lib/realtime/hub";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { countThemeUsage, type ThemeUsage } from "./count-theme-usage";
import { themeErrors } from "./errors";
import { findIn, lockCodebook, readCodebook, writePositions } from "./lock-codebook";
import { presentTheme, type PresentedTheme } from "./present";
import { ZMergeThemesInput, type MergeThemesInput } from "./schemas";

export interface MergeThemesOptions {
  viewer: Viewer;
  workshopId: string;
  /** The theme that disappears into the target. */
  themeId: string;
  input: MergeThemesInput;
}

/**
 * Merges a theme into another of the same codebook, in one transaction (organizers): whatever
 * was tagged with the source becomes tagged with the target (once, even if it had both), the
 * source is deleted and the themes after it move up a place. Returns the target and what moved.
 *
 * Concurrent tagging (lib/annotations/access.ts) takes a key-share lock on the themes it checks
 * and holds it until it commits. The merge locks the source row FOR UPDATE before copying its
 * tags: a tagger that got there first has committed by then, so its tag is copied; a later one
 * waits, then finds the theme gone and is told so. Without that lock, a tag committed between
 * the copy and the delete would vanish with the source.
 */
export async function mergeThemes({ viewer, workshopId, themeId, input }: MergeThemesOptions): Promise<{ target: PresentedTheme; moved: ThemeUsage }> {
  const { targetId } = parseInput(ZMergeThemesInput, input);
  if (targetId === themeId) throw themeErrors.mergeIntoItself();
  await requireWorkshopPermission(viewer, workshopId, "themes.manage");
  const db = await getPrisma();
  const result = await db.$transaction(async (tx) => {
    await lockCodebook(tx, workshopId);
    const codebook = await readCodebook(tx, workshopId);
    findIn(codebook, themeId);
    const target = codebook.find((theme) => theme.id === targetId);
    if (!target) throw themeErrors.mergeTargetUnknown();
    await tx.$queryRaw`SELECT 1 FROM "Theme" WHERE "id" = ${themeId} FOR UPDATE`;

    const moved = await countThemeUsage(tx, themeId);
    await tx.$executeRaw`
      INSERT INTO "AnnotationTheme" ("annotationId", "themeId")
      SELECT "annotationId", ${targetId} FROM "AnnotationTheme" WHERE "themeId" = ${themeId}
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`
      INSERT INTO "LessonTheme" ("lessonId", "themeId")
      SELECT "lessonId", ${targetId} FROM "LessonTheme" WHERE "themeId" = ${themeId}
      ON CONFLICT DO NOTHING`;
    // A proposal accepted as the source now lives on as the target.
    await tx.themeProposal.updateMany({ where: { themeId }, data: { themeId: targetId } });
    await tx.theme.delete({ where: { id: themeId } });
    await writePositions(tx, codebook.filter((theme) => theme.id !== themeId));
    const merged = await tx.theme.findUniqueOrThrow({ where: { id: targetId } });
    return { target: merged, moved };
  });
  notifyCodebookChanged(workshopId);
  return { target: presentTheme(result.target), moved: result.moved };
}
