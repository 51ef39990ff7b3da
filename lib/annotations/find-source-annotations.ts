import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { ANNOTATION_INCLUDE, presentAnnotation, type PresentedAnnotation } from "./present";
import { audienceIn, canSee } from "./audience";
import { byDocumentOrder } from "./order";

/**
 * A source's annotations in document order (never creation order, which would hint at who
 * spoke when); orphans, which have no place, come last. Hidden ones only for their author and
 * the organizers.
 */
export async function findSourceAnnotations({ viewer, workshopId, sourceId }: { viewer: Viewer; workshopId: string; sourceId: string }): Promise<PresentedAnnotation[]> {
  const { membership } = await getWorkshopAccess(viewer, workshopId);
  const audience = await audienceIn(workshopId, viewer.id, membership.role);
  const db = await getPrisma();
  const source = await db.source.findFirst({ where: { id: sourceId, workshopId }, select: { id: true } });
  if (!source) throw notFound("Source");
  const annotations = await db.annotation.findMany({
    where: { workshopId, passage: { sourceId } },
    include: ANNOTATION_INCLUDE,
  });
  // Hidden ones are filtered here: only the key tells whose they are, not a column to query.
  return annotations
    .filter((annotation) => canSee(annotation, { kind: "annotation", id: annotation.id }, audience))
    .map((annotation) => presentAnnotation(annotation, audience))
    .sort(byDocumentOrder);
}
