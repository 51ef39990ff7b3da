import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { getOwnLesson } from "./access";
import { broadcastLesson } from "./broadcast";

/**
 * Deletes one's own lesson, with its evidence, stances and merge notices, and the duplicates
 * merged into it (tombstones that would otherwise point nowhere).
 */
export async function deleteLesson({ viewer, workshopId, lessonId }: { viewer: Viewer; workshopId: string; lessonId: string }): Promise<void> {
  await requireWorkshopPermission(viewer, workshopId, "lessons.write");
  const db = await getPrisma();
  await db.$transaction(async (tx) => {
    await getOwnLesson(tx, viewer, workshopId, lessonId);
    await tx.lesson.deleteMany({ where: { workshopId, mergedIntoId: lessonId } });
    await tx.lesson.delete({ where: { id: lessonId } });
  });
  await broadcastLesson(workshopId, lessonId);
}
