import { z } from "zod";
import { ID_PATTERN, ZId } from "@/lib/validation";

export const STATEMENT_MAX = 400;
export const ELABORATION_MAX = 5000;
export const EVIDENCE_NOTE_MAX = 1000;
export const EVIDENCE_PER_LESSON_MAX = 50;
export const THEMES_PER_LESSON_MAX = 10;

const ZStatement = z.string({ message: "statementRequired" }).trim().min(1, "statementRequired").max(STATEMENT_MAX, "statementTooLong");
const ZElaboration = z.string({ message: "elaborationTooLong" }).trim().max(ELABORATION_MAX, "elaborationTooLong");
const ZThemeIds = z
  .array(ZId, { message: "lessonThemeRequired" })
  .min(1, "lessonThemeRequired")
  .max(THEMES_PER_LESSON_MAX, "tooManyThemes");
const ZNote = z.string({ message: "evidenceNoteTooLong" }).trim().max(EVIDENCE_NOTE_MAX, "evidenceNoteTooLong").default("");

/** Evidence: a passage already picked (from an annotation), or a selection in a source's text. */
export const ZEvidenceInput = z.union(
  [
    z.object({ passageId: ZId, note: ZNote }),
    z
      .object({
        sourceId: ZId,
        start: z.number().int("selectionInvalid").min(0, "selectionInvalid"),
        end: z.number().int("selectionInvalid").min(1, "selectionInvalid"),
        revision: z.number().int("selectionInvalid").min(1, "selectionInvalid").optional(),
        note: ZNote,
      }),
  ],
  { message: "evidenceInvalid" },
);
export type EvidenceInput = z.output<typeof ZEvidenceInput>;

const ZEvidenceList = z.array(ZEvidenceInput, { message: "evidenceInvalid" }).max(EVIDENCE_PER_LESSON_MAX, "tooMuchEvidence");

export const ZCreateLessonInput = z.object({
  statement: ZStatement,
  elaboration: ZElaboration.default(""),
  themeIds: ZThemeIds,
  evidence: ZEvidenceList.default([]),
});
export type CreateLessonInput = z.input<typeof ZCreateLessonInput>;

/** Every field optional; `evidence`, when given, replaces the list. */
export const ZUpdateLessonInput = z.object({
  statement: ZStatement.optional(),
  elaboration: ZElaboration.optional(),
  themeIds: ZThemeIds.optional(),
  evidence: ZEvidenceList.optional(),
});
export type UpdateLessonInput = z.input<typeof ZUpdateLessonInput>;

export const ZStanceInput = z.object({
  stance: z.enum(["ENDORSE", "DISPUTE"], { message: "stanceInvalid" }).nullable(),
});
export type StanceInput = z.input<typeof ZStanceInput>;

export const ZMergeLessonsInput = z.object({ fromLessonId: z.string({ message: "mergeTargetRequired" }).regex(ID_PATTERN, "idInvalid") });
export type MergeLessonsInput = z.input<typeof ZMergeLessonsInput>;

export const ZLessonHiddenInput = z.object({ hidden: z.boolean({ message: "hiddenInvalid" }) });
export type LessonHiddenInput = z.input<typeof ZLessonHiddenInput>;
