import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { readerApi } from "./api";

/** What a card can do to its annotation and replies; each call updates the reader's list. */
export interface CardActions {
  update: (values: { comment: string; themeIds: string[] }) => Promise<void>;
  remove: () => Promise<void>;
  reply: (body: string) => Promise<void>;
  updateReply: (replyId: string, body: string) => Promise<void>;
  removeReply: (replyId: string) => Promise<void>;
  /** Organizers only: moderation acts on the contribution, never reveals its author. */
  setHidden: (hidden: boolean) => Promise<void>;
  setReplyHidden: (replyId: string, hidden: boolean) => Promise<void>;
}

/** A card's actions, through the API, applied to the reader's list as soon as they succeed. */
export function bindCardActions(
  api: ReturnType<typeof readerApi>,
  annotation: PresentedAnnotation,
  upsert: (annotation: PresentedAnnotation) => void,
  remove: (id: string) => void,
): CardActions {
  const withReplies = (replies: PresentedAnnotation["replies"]) => upsert({ ...annotation, replies });
  return {
    update: async (values) => upsert((await api.update(annotation.id, values)).annotation),
    remove: async () => {
      await api.remove(annotation.id);
      remove(annotation.id);
    },
    reply: async (body) => {
      const { reply } = await api.reply(annotation.id, body);
      withReplies([...annotation.replies.filter((other) => other.id !== reply.id), reply]);
    },
    updateReply: async (replyId, body) => {
      const { reply } = await api.updateReply(annotation.id, replyId, body);
      withReplies(annotation.replies.map((other) => (other.id === reply.id ? reply : other)));
    },
    removeReply: async (replyId) => {
      await api.removeReply(annotation.id, replyId);
      withReplies(annotation.replies.filter((other) => other.id !== replyId));
    },
    setHidden: async (hidden) => upsert((await api.setHidden(annotation.id, hidden)).annotation),
    setReplyHidden: async (replyId, hidden) => {
      await api.setReplyHidden(annotation.id, replyId, hidden);
      withReplies(annotation.replies.map((other) => (other.id === replyId ? { ...other, isHidden: hidden } : other)));
    },
  };
}
