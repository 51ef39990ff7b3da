import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { getOwnAnnotation } from "./access";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { broadcastAnnotation } from "./broadcast";

/** Deletes one's own annotation, with its replies. */
export async function deleteAnnotation({ viewer, workshopId, annotationId }: { viewer: Viewer; workshopId: string; annotationId: string }): Promise<void> {
  await requireWorkshopPermission(viewer, workshopId, "content.contribute");
  const db = await getPrisma();
  await db.$transaction(async (tx) => {
    await getOwnAnnotation(tx, viewer, workshopId, annotationId);
    await tx.annotation.delete({ where: { id: annotationId } });
  });
  await broadcastAnnotation(workshopId, annotationId);
}
