import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { assertWorkshopThemes, getOwnAnnotation } from "./access";
import { audienceIn } from "./audience";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { broadcastAnnotation } from "./broadcast";
import { ANNOTATION_INCLUDE, presentAnnotation, type PresentedAnnotation } from "./present";
import { ZUpdateAnnotationInput, type UpdateAnnotationInput } from "./schemas";

export interface UpdateAnnotationOptions {
  viewer: Viewer;
  workshopId: string;
  annotationId: string;
  input: UpdateAnnotationInput;
}

/** Changes the comment and themes of one's own annotation (the highlight itself stays). */
export async function updateAnnotation({ viewer, workshopId, annotationId, input }: UpdateAnnotationOptions): Promise<PresentedAnnotation> {
  const { comment, themeIds } = parseInput(ZUpdateAnnotationInput, input);
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "content.contribute");
  const db = await getPrisma();
  const updated = await db.$transaction(async (tx) => {
    const { annotation: current } = await getOwnAnnotation(tx, viewer, workshopId, annotationId);
    await assertWorkshopThemes(tx, workshopId, themeIds);
    const wanted = [...new Set(themeIds)].sort();
    const had = current.themes.map((theme) => theme.themeId).sort();
    // Saving without a change is not an edit: nothing to mark, nothing to send.
    if (current.comment === comment && wanted.join() === had.join()) return null;
    await tx.annotationTheme.deleteMany({ where: { annotationId } });
    return tx.annotation.update({
      where: { id: annotationId },
      data: { comment, editedAt: new Date(), themes: { create: wanted.map((themeId) => ({ themeId })) } },
      include: ANNOTATION_INCLUDE,
    });
  });
  const annotation = updated ?? (await db.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: ANNOTATION_INCLUDE }));
  if (updated) await broadcastAnnotation(workshopId, annotationId);
  return presentAnnotation(annotation, await audienceIn(workshopId, viewer.id, membership.role));
}
