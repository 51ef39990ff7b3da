import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { slugify } from "@/lib/annotations/export-annotations";
import type { Locale } from "@/i18n/config";
import { loadNoteReferences } from "./load-note-references";
import { referencedIds, resolveNote } from "./resolve-note";
import { exportHeader } from "./export/export-header";
import { noteToMarkdown } from "./export/markdown";
import { noteToHtml } from "./export/html";
import { noteToDocx } from "./export/docx";
import { noteToPdf } from "./export/pdf";

export const ZNoteExportFormat = z.enum(["md", "html", "docx", "pdf"]);
export type NoteExportFormat = z.infer<typeof ZNoteExportFormat>;
/** `methods=1` appends the consensus methods paragraph; absent or `0` leaves it out. */
export const ZNoteExportMethods = z.enum(["0", "1"]).nullish();

export interface NoteExport {
  filename: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

const CONTENT_TYPES: Record<NoteExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The query string's values, checked: an unknown value is a 400 that says what to send. */
function parseQuery(format: unknown, methods: unknown): { format: NoteExportFormat; methods: boolean } {
  const parsedFormat = ZNoteExportFormat.safeParse(format);
  if (!parsedFormat.success) {
    throw new AppError("BAD_REQUEST", "fields.invalid", "Unknown export format: use format=md, html, docx or pdf.", { field: "format" });
  }
  const parsedMethods = ZNoteExportMethods.safeParse(methods);
  if (!parsedMethods.success) {
    throw new AppError("BAD_REQUEST", "fields.invalid", "Unknown methods value: use methods=1 to add the methods paragraph, or leave it out.", { field: "methods" });
  }
  return { format: parsedFormat.data, methods: parsedMethods.data === "1" };
}

/**
 * The meeting note as a file any member may download: Markdown, a standalone HTML page, Word or
 * PDF, laid out like the corpus meeting note (title, date and place, the rule, the note's own
 * sections, numbered footnotes). The note's references are loaded and resolved once: lesson
 * references become their consensus phrase in words (frozen ones once signed off), citations
 * numbered footnotes. Loaded without an audience, so that every member downloads the same text:
 * a lesson an organizer hid is "no longer available" in every export, an organizer's included. Made from the note's text alone, so it carries no Yjs data, no edit
 * history, no authors and no times.
 */
export async function exportNote({
  viewer,
  workshopId,
  format,
  methods,
  locale,
}: {
  viewer: Viewer;
  workshopId: string;
  /** Unvalidated (from a query string). */
  format: string | null | undefined;
  /** Unvalidated (from a query string): "1" adds the methods paragraph. */
  methods?: string | null;
  locale: Locale;
}): Promise<NoteExport> {
  const query = parseQuery(format, methods);
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "note.view");
  const db = await getPrisma();
  const note = await db.meetingNote.findUnique({ where: { workshopId }, select: { content: true } });
  const references = await loadNoteReferences({ workshopId, locale, ids: referencedIds(note?.content) });
  const resolved = resolveNote(note?.content, references, { locale });
  const header = exportHeader(workshop, { locale, methods: query.methods, content: note?.content });
  const filename = `${slugify(workshop.title)}-meeting-note.${query.format}`;
  const contentType = CONTENT_TYPES[query.format];
  switch (query.format) {
    case "md":
      return { filename, contentType, body: noteToMarkdown(resolved, header) };
    case "html":
      return { filename, contentType, body: noteToHtml(resolved, header) };
    case "docx":
      return { filename, contentType, body: Uint8Array.from(await noteToDocx(resolved, header)) };
    case "pdf":
      return { filename, contentType, body: Uint8Array.from(await noteToPdf(resolved, header)) };
  }
}
