import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { newId } from "@/lib/ownership/ids";
import { claimContribution } from "@/lib/ownership/claim-contribution";
import { assertOwnContribution } from "@/lib/ownership/own-contribution";
import { broadcastAnnotation } from "./broadcast";
import { presentReply, type PresentedReply } from "./present";
import { audienceIn, canSee, type Audience } from "./audience";
import { ZReplyInput, type ReplyInput } from "./schemas";

interface ReplyTarget {
  viewer: Viewer;
  workshopId: string;
  annotationId: string;
}

/** Replies in an annotation's thread; any contributor of the workshop may reply to what they can see. */
export async function createReply({ viewer, workshopId, annotationId, input }: ReplyTarget & { input: ReplyInput }): Promise<PresentedReply> {
  const { body } = parseInput(ZReplyInput, input);
  const { membership, workshop } = await requireWorkshopPermission(viewer, workshopId, "content.contribute");
  const audience = await audienceIn(workshopId, viewer.id, membership.role);
  const db = await getPrisma();
  const annotation = await db.annotation.findFirst({ where: { id: annotationId, workshopId }, select: { id: true, hiddenAt: true, ownerTag: true } });
  if (!annotation || !canSee(annotation, { kind: "annotation", id: annotation.id }, audience)) throw notFound("Annotation");
  const id = newId();
  const reply = await db.$transaction(async (tx) => {
    const ownerTag = await claimContribution(tx, { workshop, userId: viewer.id, kind: "REPLY", id });
    return tx.annotationReply.create({ data: { id, annotationId, ownerTag, body } });
  });
  await broadcastAnnotation(workshopId, annotationId);
  // The key may have been made by this very reply: read the audience again.
  return presentReply(reply, await audienceIn(workshopId, viewer.id, membership.role));
}

/** The reply, for its author only (see assertOwnContribution for what anyone else is told). */
async function getOwnReply({ viewer, workshopId, annotationId }: ReplyTarget, replyId: string): Promise<{ reply: NonNullable<Awaited<ReturnType<typeof findReply>>>; audience: Audience }> {
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "content.contribute");
  const audience = await audienceIn(workshopId, viewer.id, membership.role);
  const reply = await findReply(workshopId, annotationId, replyId);
  assertOwnContribution(reply, { kind: "reply", id: replyId }, audience.ownership, "Reply");
  return { reply, audience };
}

async function findReply(workshopId: string, annotationId: string, replyId: string) {
  const db = await getPrisma();
  return db.annotationReply.findFirst({ where: { id: replyId, annotationId, annotation: { workshopId } } });
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
