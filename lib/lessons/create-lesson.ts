import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { assertWorkshopThemes } from "@/lib/annotations/access";
import { audienceIn } from "@/lib/annotations/audience";
import { newId } from "@/lib/ownership/ids";
import { claimContribution } from "@/lib/ownership/claim-contribution";
import { broadcastLesson } from "./broadcast";
import { resolveEvidence, writeEvidence } from "./evidence";
import { presentLessonFor } from "./present-for";
import { LESSON_INCLUDE, type PresentedLesson } from "./present";
import { ZCreateLessonInput, type CreateLessonInput } from "./schemas";

export interface CreateLessonOptions {
  viewer: Viewer;
  workshopId: string;
  input: CreateLessonInput;
}

/**
 * Writes a lesson: a statement, an optional elaboration, one or more themes of the workshop's
 * codebook and evidence (passages of its sources, each with an optional note). The author is
 * recorded only as the owner tag (lib/ownership/).
 */
export async function createLesson({ viewer, workshopId, input }: CreateLessonOptions): Promise<PresentedLesson> {
  const { statement, elaboration, themeIds, evidence } = parseInput(ZCreateLessonInput, input);
  const { membership, workshop } = await requireWorkshopPermission(viewer, workshopId, "lessons.write");
  const db = await getPrisma();
  const id = newId();
  const lesson = await db.$transaction(async (tx) => {
    const resolved = await resolveEvidence(tx, workshopId, evidence);
    await assertWorkshopThemes(tx, workshopId, themeIds);
    const ownerTag = await claimContribution(tx, { workshop, userId: viewer.id, kind: "LESSON", id });
    await tx.lesson.create({
      data: { id, workshopId, ownerTag, statement, elaboration, themes: { create: [...new Set(themeIds)].map((themeId) => ({ themeId })) } },
    });
    await writeEvidence(tx, { workshop, userId: viewer.id, lessonId: id, evidence: resolved });
    return tx.lesson.findUniqueOrThrow({ where: { id }, include: LESSON_INCLUDE });
  });
  await broadcastLesson(workshopId, id);
  return presentLessonFor(db, lesson, await audienceIn(workshopId, viewer.id, membership.role));
}
