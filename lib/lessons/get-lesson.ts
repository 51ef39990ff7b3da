import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { audienceFor } from "@/lib/annotations/audience";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { getVisibleLesson } from "./access";
import { presentLessonFor } from "./present-for";
import type { PresentedLesson } from "./present";

/** One lesson of the workshop, as the viewer sees it; a merged duplicate says where it went (409). */
export async function getLesson({ viewer, workshopId, lessonId }: { viewer: Viewer; workshopId: string; lessonId: string }): Promise<PresentedLesson> {
  const { membership } = await getWorkshopAccess(viewer, workshopId);
  const db = await getPrisma();
  const audience = audienceFor(viewer.id, membership.role, await findWorkshopKey(db, workshopId));
  const lesson = await db.$transaction((tx) => getVisibleLesson(tx, audience, workshopId, lessonId));
  return presentLessonFor(db, lesson, audience);
}
