import { z } from "zod";
import { ZConsensusThresholds } from "@/lib/consensus/consensus";

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const PLACE_MAX = 200;

const ZOptionalDate = z
  .string()
  .trim()
  .transform((value) => (value === "" ? null : value))
  .pipe(z.union([z.null(), z.iso.date({ message: "dateInvalid" })]));

export const ZWorkshopFields = z.object({
  title: z.string().trim().min(1, "titleRequired").max(TITLE_MAX, "titleTooLong"),
  description: z.string().trim().max(DESCRIPTION_MAX, "descriptionTooLong").default(""),
  date: ZOptionalDate.default(null),
  place: z.string().trim().max(PLACE_MAX, "placeTooLong").default(""),
  attribution: z.enum(["CHATHAM_HOUSE", "ATTRIBUTED"]).default("CHATHAM_HOUSE"),
});

export const ZCreateWorkshopInput = ZWorkshopFields.extend({
  /** A workshop the creator organizes, whose codebook the new one starts from ("" for none). */
  codebookFrom: z
    .string()
    .trim()
    .max(64, "codebookOriginUnknown")
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .default(null),
});
export type CreateWorkshopInput = z.input<typeof ZCreateWorkshopInput>;

export const ZUpdateWorkshopInput = ZWorkshopFields.extend({
  /** Keep stances hidden until an organizer reveals them (absent: unchanged). */
  holdStances: z.boolean({ message: "holdStancesInvalid" }).optional(),
  /** The consensus thresholds within their bounds; null: the defaults (absent: unchanged). */
  consensusThresholds: ZConsensusThresholds.nullable().optional(),
});
export type UpdateWorkshopInput = z.input<typeof ZUpdateWorkshopInput>;

export const ZWorkshopStatusChange = z.enum(["OPEN", "CLOSED", "ARCHIVED"]);
export type WorkshopStatusChange = z.infer<typeof ZWorkshopStatusChange>;
