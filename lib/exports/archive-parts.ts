import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { exportNote, type NoteExportFormat } from "@/lib/notes/export-note";
import { exportCodebook } from "@/lib/themes/export-codebook";
import type { Locale } from "@/i18n/config";
import { exportLessons } from "./export-lessons";
import { exportWorkshopAnnotations } from "./export-workshop-annotations";
import type { ExportFile } from "./types";

/** The message key (under `exports.parts`) that describes a part. */
export type ArchivePartKey = "noteMd" | "noteHtml" | "noteDocx" | "notePdf" | "lessonsCsv" | "lessonsJson" | "annotations" | "codebookJson" | "codebookQdc";

export interface ArchivePart {
  key: ArchivePartKey;
  /** Where it sits in the archive, under the archive's folder: fixed names, the same for every workshop. */
  path: string;
  /** Already compressed (DOCX is a ZIP, PDF streams are deflated): stored as is. */
  isCompressed: boolean;
  make(options: { viewer: Viewer; workshopId: string; locale: Locale }): Promise<ExportFile>;
}

const notePart = (key: ArchivePartKey, format: NoteExportFormat): ArchivePart => ({
  key,
  path: `note/meeting-note.${format}`,
  isCompressed: format === "docx" || format === "pdf",
  // The methods paragraph: a repository copy says how its phrases were counted.
  make: ({ viewer, workshopId, locale }) => exportNote({ viewer, workshopId, format, methods: "1", locale }),
});

/**
 * Everything the archive bundle holds besides its README, in the order it is written: each made
 * by the export that serves it on its own, so that the bundle says exactly what the single
 * downloads say. The PDF comes last among the notes' formats: it is the slow one.
 */
export const ARCHIVE_PARTS: readonly ArchivePart[] = [
  notePart("noteMd", "md"),
  notePart("noteHtml", "html"),
  notePart("noteDocx", "docx"),
  notePart("notePdf", "pdf"),
  { key: "lessonsCsv", path: "lessons/lessons.csv", isCompressed: false, make: (options) => exportLessons({ ...options, format: "csv" }) },
  { key: "lessonsJson", path: "lessons/lessons.json", isCompressed: false, make: (options) => exportLessons({ ...options, format: "json" }) },
  { key: "annotations", path: "annotations/annotations.jsonld", isCompressed: false, make: (options) => exportWorkshopAnnotations(options) },
  { key: "codebookJson", path: "codebook/codebook.json", isCompressed: false, make: (options) => exportCodebook({ ...options, format: "json" }) },
  { key: "codebookQdc", path: "codebook/codebook.qdc", isCompressed: false, make: (options) => exportCodebook({ ...options, format: "qdc" }) },
];
