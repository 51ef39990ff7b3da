import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { assertWorkshopThemes, getOwnAnnotation } from "./access";
import { audienceFor } from "./audience";
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
    await getOwnAnnotation(tx, viewer, workshopId, annotationId);
    await assertWorkshopThemes(tx, workshopId, themeIds);
    await tx.annotationTheme.deleteMany({ where: { annotationId } });
    return tx.annotation.update({
      where: { id: annotationId },
      data: { comment, themes: { create: [...new Set(themeIds)].map((themeId) => ({ themeId })) } },
      include: ANNOTATION_INCLUDE,
    });
  });
  await broadcastAnnotation(workshopId, annotationId);
  return presentAnnotation(updated, audienceFor(viewer.id, membership.role));
}
