import type { Annotation, AnnotationReply, AnnotationTheme, Passage } from "@/lib/generated/prisma/client";
import { presentPassage } from "@/lib/passages/present";
import { coarsenTime } from "@/lib/time/coarse-time";
import { canSee, type Audience } from "./audience";

export type AnnotationWithRelations = Annotation & { passage: Passage; themes: AnnotationTheme[]; replies: AnnotationReply[] };

/** A reply as one viewer sees it: whether it is theirs, never whose it is. */
export function presentReply(reply: AnnotationReply, audience: Audience) {
  return {
    id: reply.id,
    body: reply.body,
    mine: audience.ownership.owns({ kind: "reply", id: reply.id }, reply.ownerTag),
    isHidden: reply.hiddenAt !== null,
    isEdited: reply.editedAt !== null,
    when: coarsenTime(reply.createdAt),
  };
}

/**
 * An annotation as one viewer sees it. `mine` lets its author edit it; nothing says who else
 * wrote it, and times are coarse. Hidden replies reach only their author and the organizers.
 */
export function presentAnnotation(annotation: AnnotationWithRelations, audience: Audience) {
  return {
    id: annotation.id,
    sourceId: annotation.passage.sourceId,
    passage: presentPassage(annotation.passage),
    comment: annotation.comment,
    themeIds: annotation.themes.map((theme) => theme.themeId).sort(),
    mine: audience.ownership.owns({ kind: "annotation", id: annotation.id }, annotation.ownerTag),
    isHidden: annotation.hiddenAt !== null,
    isEdited: annotation.editedAt !== null,
    when: coarsenTime(annotation.createdAt),
    replies: annotation.replies
      .filter((reply) => canSee(reply, { kind: "reply", id: reply.id }, audience))
      .map((reply) => presentReply(reply, audience)),
  };
}

export type PresentedAnnotation = ReturnType<typeof presentAnnotation>;
export type PresentedReply = ReturnType<typeof presentReply>;

export const ANNOTATION_INCLUDE = {
  passage: true,
  themes: true,
  replies: { orderBy: { createdAt: "asc" } },
} as const;
