import { z } from "zod";

export const COMMENT_MAX = 5000;
export const THEMES_PER_ANNOTATION_MAX = 10;

const ZId = z.string().min(1).max(64);
const ZThemeIds = z.array(ZId).max(THEMES_PER_ANNOTATION_MAX, "tooManyThemes").default([]);

export const ZCreateAnnotationInput = z.object({
  start: z.number().int("selectionInvalid").min(0, "selectionInvalid"),
  end: z.number().int("selectionInvalid").min(1, "selectionInvalid"),
  /** The source revision the offsets were taken in (the reader sends it). */
  revision: z.number().int("selectionInvalid").min(1, "selectionInvalid").optional(),
  comment: z.string().trim().max(COMMENT_MAX, "commentTooLong").default(""),
  themeIds: ZThemeIds,
});
export type CreateAnnotationInput = z.input<typeof ZCreateAnnotationInput>;

export const ZUpdateAnnotationInput = z.object({
  comment: z.string().trim().max(COMMENT_MAX, "commentTooLong"),
  themeIds: ZThemeIds,
});
export type UpdateAnnotationInput = z.input<typeof ZUpdateAnnotationInput>;

export const ZReplyInput = z.object({
  body: z.string().trim().min(1, "replyRequired").max(COMMENT_MAX, "commentTooLong"),
});
export type ReplyInput = z.input<typeof ZReplyInput>;
