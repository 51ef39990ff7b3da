import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { isId } from "@/lib/validation";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { ownershipIn } from "@/lib/ownership/workshop-key";

/**
 * Dismisses the viewer's notice that a merge withdrew their stance on a lesson. The notice is
 * found by the viewer's stance tag on the lesson; nobody else's is touched or learnt. Dismissing
 * a notice that is not there does nothing.
 */
export async function dismissMergeNotice({ viewer, workshopId, lessonId }: { viewer: Viewer; workshopId: string; lessonId: string }): Promise<void> {
  await getWorkshopAccess(viewer, workshopId);
  if (!isId(lessonId)) return;
  const db = await getPrisma();
  const tag = (await ownershipIn(db, workshopId, viewer.id)).tagFor({ kind: "stance", lessonId });
  if (!tag) return;
  await db.lessonMergeNotice.deleteMany({ where: { workshopId, lessonId, ownerTag: tag } });
}
