import { z } from "zod";
import { CONSENSUS_CLASSES } from "@/lib/consensus/consensus";
import { ZId } from "@/lib/validation";

/**
 * The whole-workshop exports' inputs and outputs, as zod schemas: the routes validate with them
 * and the OpenAPI document is generated from them.
 */

/** Route parameters of every /api/workshops/:workshopId/export/… route. */
export const ZExportParams = z.object({ workshopId: ZId });

/** ?format= of /export/lessons. */
export const ZLessonsExportFormat = z.enum(["csv", "json"]);
export type LessonsExportFormat = z.infer<typeof ZLessonsExportFormat>;

/** ?format= of /export/codebook (the codebook files of lib/themes/codebook-files). */
export const ZWorkshopCodebookFormat = z.enum(["json", "qdc"]);

/** A query string of one optional `format`: its value is checked by the export itself (a 400 that says what to send). */
export const ZFormatQuery = z.object({ format: z.string().max(20).nullish() });

/** One passage a lesson rests on, as cited in the export: no one's trace, only the text. */
export const ZExportedEvidence = z.object({
  source: z.object({ title: z.string(), shortCitation: z.string() }),
  quote: z.string(),
  note: z.string(),
  /** Whether the passage is no longer found in the source's current text. */
  isOrphan: z.boolean(),
  /** The reader, opened at the passage. */
  href: z.string(),
});

/**
 * One lesson of the lessons export: aggregated, never a row per person. `counts` only where the
 * small-numbers rule allows (docs/CONSENSUS.md); `consensus` null while stances are held.
 */
export const ZExportedLesson = z.object({
  statement: z.string(),
  elaboration: z.string(),
  themes: z.array(z.string()),
  consensus: z
    .object({
      class: z.enum(CONSENSUS_CLASSES),
      label: z.string(),
      lead: z.string(),
      counts: z.object({ endorse: z.number().int(), dispute: z.number().int(), eligible: z.number().int() }).nullable(),
    })
    .nullable(),
  strength: z.object({ passages: z.number().int(), sources: z.number().int() }),
  inNote: z.boolean(),
  evidence: z.array(ZExportedEvidence),
});

/** The lessons export as JSON. */
export const ZLessonsExport = z.object({
  format: z.literal("rapporteur-lessons"),
  version: z.literal(1),
  workshop: z.object({ title: z.string(), date: z.string().nullable(), place: z.string() }),
  language: z.enum(["en", "fr"]),
  /** Stances are held until an organizer reveals them: no phrase is given yet. */
  held: z.boolean(),
  methods: z.string(),
  lessons: z.array(ZExportedLesson),
});
export type LessonsExport = z.infer<typeof ZLessonsExport>;
export type ExportedLesson = z.infer<typeof ZExportedLesson>;

/** One part of the archive bundle, in the order it is written. */
export const ZArchivePart = z.object({ path: z.string(), description: z.string() });

/** GET /export/archive/manifest: what the bundle will hold, so that a download can show its progress part by part. */
export const ZArchiveManifest = z.object({ filename: z.string(), parts: z.array(ZArchivePart) });
export type ArchiveManifest = z.infer<typeof ZArchiveManifest>;

export const MAX_RETENTION_DAYS = 3650;

/** The retention setting: days after closing, or null to keep raw contributions. */
export const ZRetentionInput = z.object({
  retentionDays: z.number().int("retentionDays").min(1, "retentionDays").max(MAX_RETENTION_DAYS, "retentionDays").nullable(),
});
export type RetentionInput = z.infer<typeof ZRetentionInput>;
