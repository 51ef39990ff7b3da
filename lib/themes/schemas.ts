import { z } from "zod";
import { ZId } from "@/lib/validation";
import { THEME_COLOR_KEYS } from "./palette";

export const THEME_NAME_MAX = 80;
export const THEME_DESCRIPTION_MAX = 1000;
export const PROPOSAL_REASON_MAX = 1000;
export const DECLINE_REASON_MAX = 500;
/** A codebook past this size stops being a codebook; imports and creation stop there too. */
export const THEMES_PER_WORKSHOP_MAX = 200;

/** A theme name: trimmed, inner whitespace collapsed (names are labels, not prose). */
export const ZThemeName = z.string("themeNameRequired")
  .transform((value) => value.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, "themeNameRequired").max(THEME_NAME_MAX, "themeNameTooLong"));

export const ZThemeDescription = z.string().trim().max(THEME_DESCRIPTION_MAX, "themeDescriptionTooLong");

export const ZThemeColor = z.enum(THEME_COLOR_KEYS as [string, ...string[]], "themeColorInvalid");


export const ZCreateThemeInput = z.object({
  name: ZThemeName,
  description: ZThemeDescription.default(""),
  /** A palette key; the next unused colour when absent. */
  color: ZThemeColor.optional(),
});
export type CreateThemeInput = z.input<typeof ZCreateThemeInput>;

export const ZUpdateThemeInput = z
  .object({ name: ZThemeName.optional(), description: ZThemeDescription.optional(), color: ZThemeColor.optional() })
  .refine((input) => input.name !== undefined || input.description !== undefined || input.color !== undefined, "nothingToChange");
export type UpdateThemeInput = z.input<typeof ZUpdateThemeInput>;

/** Either the whole new order (every theme id, once), or one theme moved one place up or down. */
export const ZReorderThemesInput = z.union(
  [
    z.object({ themeIds: z.array(ZId).max(1000) }).strict(),
    z.object({ themeId: ZId, direction: z.enum(["up", "down"]) }).strict(),
  ],
  "reorderInvalid",
);
export type ReorderThemesInput = z.input<typeof ZReorderThemesInput>;

export const ZMergeThemesInput = z.object({ targetId: z.string("mergeTargetRequired").min(1, "mergeTargetRequired").pipe(ZId) });
export type MergeThemesInput = z.input<typeof ZMergeThemesInput>;

export const ZProposeThemeInput = z.object({
  name: ZThemeName,
  description: ZThemeDescription.default(""),
  reason: z.string().trim().max(PROPOSAL_REASON_MAX, "proposalReasonTooLong").default(""),
});
export type ProposeThemeInput = z.input<typeof ZProposeThemeInput>;

/** Accepting as proposed (nothing given), or after editing name, description or colour. */
export const ZAcceptProposalInput = z
  .object({ name: ZThemeName.optional(), description: ZThemeDescription.optional(), color: ZThemeColor.optional() })
  .default({});
export type AcceptProposalInput = z.input<typeof ZAcceptProposalInput>;

export const ZDeclineProposalInput = z.object({
  response: z.string("declineReasonRequired").trim().min(1, "declineReasonRequired").max(DECLINE_REASON_MAX, "declineReasonTooLong"),
});
export type DeclineProposalInput = z.input<typeof ZDeclineProposalInput>;
