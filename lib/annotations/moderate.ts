import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { audienceIn } from "./audience";
import { sealedContributionError } from "@/lib/ownership/own-contribution";
import { broadcastAnnotation } from "./broadcast";
import { ANNOTATION_INCLUDE, presentAnnotation, type PresentedAnnotation } from "./present";

export const ZModerationInput = z.object({ hidden: z.boolean({ message: "hiddenInvalid" }) });
export type ModerationInput = z.input<typeof ZModerationInput>;

interface ModerationTarget {
  viewer: Viewer;
  workshopId: string;
  annotationId: string;
  input: ModerationInput;
}

/**
 * Organizers hide (or show again) an annotation. Moderation acts on the contribution, never on
 * a person: nothing here reads or returns who wrote it. The author and organizers still see it,
 * marked hidden; everyone else no longer does.
 */
export async function setAnnotationHidden({ viewer, workshopId, annotationId, input }: ModerationTarget): Promise<PresentedAnnotation> {
  const { hidden } = parseInput(ZModerationInput, input);
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "content.moderate");
  const db = await getPrisma();
  // A sealed record is final: what belongs to nobody is neither edited nor hidden any more.
  const { count } = await db.annotation.updateMany({ where: { id: annotationId, workshopId, ownerTag: { not: null } }, data: { hiddenAt: hidden ? new Date() : null } });
  if (count === 0) throw (await db.annotation.count({ where: { id: annotationId, workshopId } })) ? sealedContributionError() : notFound("Annotation");
  await broadcastAnnotation(workshopId, annotationId);
  const annotation = await db.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: ANNOTATION_INCLUDE });
  return presentAnnotation(annotation, await audienceIn(workshopId, viewer.id, membership.role));
}

/** Organizers hide (or show again) one reply of a thread, with the same guarantees. */
export async function setReplyHidden({ viewer, workshopId, annotationId, replyId, input }: ModerationTarget & { replyId: string }): Promise<void> {
  const { hidden } = parseInput(ZModerationInput, input);
  await requireWorkshopPermission(viewer, workshopId, "content.moderate");
  const db = await getPrisma();
  const { count } = await db.annotationReply.updateMany({
    where: { id: replyId, annotationId, annotation: { workshopId }, ownerTag: { not: null } },
    data: { hiddenAt: hidden ? new Date() : null },
  });
  if (count === 0) throw (await db.annotationReply.count({ where: { id: replyId, annotationId, annotation: { workshopId } } })) ? sealedContributionError() : notFound("Reply");
  await broadcastAnnotation(workshopId, annotationId);
}
