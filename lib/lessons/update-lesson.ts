import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { assertWorkshopThemes } from "@/lib/annotations/access";
import { audienceIn } from "@/lib/annotations/audience";
import { getOwnLesson } from "./access";
import { broadcastLesson } from "./broadcast";
import { resolveEvidence, writeEvidence, type ResolvedEvidence } from "./evidence";
import { presentLessonFor } from "./present-for";
import { LESSON_INCLUDE, type LessonWithRelations, type PresentedLesson } from "./present";
import { ZUpdateLessonInput, type UpdateLessonInput } from "./schemas";

export interface UpdateLessonOptions {
  viewer: Viewer;
  workshopId: string;
  lessonId: string;
  input: UpdateLessonInput;
}

const sameEvidence = (had: LessonWithRelations["evidence"], wanted: readonly ResolvedEvidence[]) =>
  had.length === wanted.length && wanted.every((item) => had.some((row) => row.passageId === item.passageId && row.note === item.note));

/**
 * Changes one's own lesson: any of statement, elaboration, themes, evidence (which replaces the
 * list). Anyone else is told "not found". Saving without a change is not an edit.
 */
export async function updateLesson({ viewer, workshopId, lessonId, input }: UpdateLessonOptions): Promise<PresentedLesson> {
  const fields = parseInput(ZUpdateLessonInput, input);
  const { membership, workshop } = await requireWorkshopPermission(viewer, workshopId, "lessons.write");
  const db = await getPrisma();
  const changed = await db.$transaction(async (tx) => {
    const { lesson } = await getOwnLesson(tx, viewer, workshopId, lessonId);
    const evidence = fields.evidence ? await resolveEvidence(tx, workshopId, fields.evidence) : null;
    if (fields.themeIds) await assertWorkshopThemes(tx, workshopId, fields.themeIds);
    const themeIds = fields.themeIds ? [...new Set(fields.themeIds)].sort() : null;
    const statementChanged = fields.statement !== undefined && fields.statement !== lesson.statement;
    const elaborationChanged = fields.elaboration !== undefined && fields.elaboration !== lesson.elaboration;
    const themesChanged = themeIds !== null && themeIds.join() !== lesson.themes.map((theme) => theme.themeId).sort().join();
    const evidenceChanged = evidence !== null && !sameEvidence(lesson.evidence, evidence);
    if (!statementChanged && !elaborationChanged && !themesChanged && !evidenceChanged) return false;
    if (themesChanged) {
      await tx.lessonTheme.deleteMany({ where: { lessonId } });
      await tx.lessonTheme.createMany({ data: themeIds!.map((themeId) => ({ lessonId, themeId })) });
    }
    if (evidenceChanged) {
      await tx.lessonEvidence.deleteMany({ where: { lessonId } });
      await writeEvidence(tx, { workshop, userId: viewer.id, lessonId, evidence: evidence! });
    }
    await tx.lesson.update({ where: { id: lessonId }, data: { statement: fields.statement, elaboration: fields.elaboration, editedAt: new Date() } });
    return true;
  });
  if (changed) await broadcastLesson(workshopId, lessonId);
  const lesson = await db.lesson.findUniqueOrThrow({ where: { id: lessonId }, include: LESSON_INCLUDE });
  return presentLessonFor(db, lesson, await audienceIn(workshopId, viewer.id, membership.role));
}
