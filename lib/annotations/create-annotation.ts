import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { pickPassage } from "@/lib/passages/pick-passage";
import { assertWorkshopThemes } from "./access";
import { audienceIn } from "./audience";
import { newId } from "@/lib/ownership/ids";
import { claimContribution } from "@/lib/ownership/claim-contribution";
import { broadcastAnnotation } from "./broadcast";
import { ANNOTATION_INCLUDE, presentAnnotation, type PresentedAnnotation } from "./present";
import { ZCreateAnnotationInput, type CreateAnnotationInput } from "./schemas";

export interface CreateAnnotationOptions {
  viewer: Viewer;
  workshopId: string;
  sourceId: string;
  input: CreateAnnotationInput;
}

/**
 * Highlights a passage of a source, with an optional comment and themes. The annotation points
 * to the passage (lib/passages/), which is found again after revisions.
 */
export async function createAnnotation({ viewer, workshopId, sourceId, input }: CreateAnnotationOptions): Promise<PresentedAnnotation> {
  const { start, end, revision, comment, themeIds } = parseInput(ZCreateAnnotationInput, input);
  const { membership, workshop } = await requireWorkshopPermission(viewer, workshopId, "content.contribute");
  const db = await getPrisma();
  const id = newId();
  const annotation = await db.$transaction(async (tx) => {
    const passage = await pickPassage(tx, { workshopId, sourceId, start, end, revision });
    await assertWorkshopThemes(tx, workshopId, themeIds);
    const ownerTag = await claimContribution(tx, { workshop, userId: viewer.id, kind: "ANNOTATION", id });
    return tx.annotation.create({
      data: {
        id,
        workshopId,
        passageId: passage.id,
        ownerTag,
        comment,
        themes: { create: [...new Set(themeIds)].map((themeId) => ({ themeId })) },
      },
      include: ANNOTATION_INCLUDE,
    });
  });
  await broadcastAnnotation(workshopId, annotation.id);
  return presentAnnotation(annotation, await audienceIn(workshopId, viewer.id, membership.role));
}
