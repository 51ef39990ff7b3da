import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { isId, parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { audienceFor, canSee } from "@/lib/annotations/audience";
import { newId } from "@/lib/ownership/ids";
import { ownershipOf } from "@/lib/ownership/ownership";
import { ensureWorkshopKey } from "@/lib/ownership/workshop-key";
import { lessonHiddenError, lessonMergedError } from "./access";
import { broadcastLesson } from "./broadcast";
import { presentLessonFor } from "./present-for";
import { LESSON_INCLUDE, type PresentedLesson } from "./present";
import { ZStanceInput, type StanceInput } from "./schemas";

/** How long a stance may wait for a pooled connection when many are taken at once. */
const STANCE_MAX_WAIT_MS = 15_000;

export interface SetStanceOptions {
  viewer: Viewer;
  workshopId: string;
  lessonId: string;
  input: StanceInput;
}

/**
 * Endorses or disputes a lesson, or withdraws one's stance (null). One stance per member per
 * lesson is the database's unique constraint on (lesson, tag), the tag being the member's HMAC
 * scoped to the lesson; a change is one INSERT … ON CONFLICT DO UPDATE, so that any number of
 * clicks at once leave exactly one row. The lesson is read FOR SHARE: a merge, which locks it FOR
 * UPDATE, waits for the stance or is seen to have happened. Taking a stance also dismisses the
 * member's merge notice on the lesson. Others see the change only at the end of the batching
 * window (lib/lessons/broadcast.ts).
 */
export async function setStance({ viewer, workshopId, lessonId, input }: SetStanceOptions): Promise<PresentedLesson> {
  const { stance } = parseInput(ZStanceInput, input);
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "lessons.stance");
  if (!isId(lessonId)) throw notFound("Lesson");
  const db = await getPrisma();
  const key = await ensureWorkshopKey(db, workshopId);
  const audience = audienceFor(viewer.id, membership.role, key);
  const tag = ownershipOf(key, viewer.id).tagFor({ kind: "stance", lessonId })!;
  // Kept to three statements: many clicks at once queue for pooled connections, not for work.
  await db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string; ownerTag: string | null; hiddenAt: Date | null; mergedAt: Date | null; mergedIntoId: string | null }[]>`
        SELECT "id", "ownerTag", "hiddenAt", "mergedAt", "mergedIntoId" FROM "Lesson" WHERE "id" = ${lessonId} AND "workshopId" = ${workshopId} FOR SHARE`;
      if (!locked || !canSee(locked, { kind: "lesson", id: locked.id }, audience)) throw notFound("Lesson");
      if (locked.mergedAt) throw lessonMergedError(locked.mergedIntoId);
      if (locked.hiddenAt) throw lessonHiddenError();
      if (stance === null) {
        await tx.stance.deleteMany({ where: { lessonId, ownerTag: tag } });
      } else {
        await tx.$executeRaw`
          INSERT INTO "Stance" ("id", "lessonId", "ownerTag", "kind", "updatedAt")
          VALUES (${newId()}, ${lessonId}, ${tag}, ${stance}::"StanceKind", now())
          ON CONFLICT ("lessonId", "ownerTag") DO UPDATE SET "kind" = EXCLUDED."kind", "updatedAt" = now()`;
      }
      await tx.lessonMergeNotice.deleteMany({ where: { lessonId, ownerTag: tag } });
    },
    { maxWait: STANCE_MAX_WAIT_MS },
  );
  await broadcastLesson(workshopId, lessonId, { stance: true });
  return presentLessonFor(db, await db.lesson.findUniqueOrThrow({ where: { id: lessonId }, include: LESSON_INCLUDE }), audience);
}
