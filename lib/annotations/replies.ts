import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { broadcastAnnotation } from "./broadcast";
import { presentReply, type PresentedReply } from "./present";
import { audienceFor } from "./audience";
import { ZReplyInput, type ReplyInput } from "./schemas";

interface ReplyTarget {
  viewer: Viewer;
  workshopId: string;
  annotationId: string;
}

/** Replies in an annotation's thread; any contributor of the workshop may reply. */
export async function createReply({ viewer, workshopId, annotationId, input }: ReplyTarget & { input: ReplyInput }): Promise<PresentedReply> {
  const { body } = parseInput(ZReplyInput, input);
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "content.contribute");
  const db = await getPrisma();
  const annotation = await db.annotation.findFirst({
    where: { id: annotationId, workshopId, OR: [{ hiddenAt: null }, { authorId: viewer.id }] },
    select: { id: true },
  });
  if (!annotation) throw notFound("Annotation");
  const reply = await db.annotationReply.create({ data: { annotationId, authorId: viewer.id, body } });
  await broadcastAnnotation(workshopId, annotationId);
  return presentReply(reply, audienceFor(viewer.id, membership.role));
}

/** The reply, for its author only; anyone else gets "not found". */
async function getOwnReply({ viewer, workshopId, annotationId }: ReplyTarget, replyId: string) {
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "content.contribute");
  const db = await getPrisma();
  const reply = await db.annotationReply.findFirst({ where: { id: replyId, annotationId, annotation: { workshopId } } });
  if (!reply || reply.authorId !== viewer.id) throw notFound("Reply");
  return { reply, audience: audienceFor(viewer.id, membership.role) };
}

export async function updateReply(target: ReplyTarget & { replyId: string; input: ReplyInput }): Promise<PresentedReply> {
  const { body } = parseInput(ZReplyInput, target.input);
  const { reply: current, audience } = await getOwnReply(target, target.replyId);
  const db = await getPrisma();
  // Saving the same words again is not an edit.
  const reply = current.body === body ? current : await db.annotationReply.update({ where: { id: target.replyId }, data: { body, editedAt: new Date() } });
  await broadcastAnnotation(target.workshopId, target.annotationId);
  return presentReply(reply, audience);
}

export async function deleteReply(target: ReplyTarget & { replyId: string }): Promise<void> {
  await getOwnReply(target, target.replyId);
  const db = await getPrisma();
  await db.annotationReply.delete({ where: { id: target.replyId } });
  await broadcastAnnotation(target.workshopId, target.annotationId);
}
