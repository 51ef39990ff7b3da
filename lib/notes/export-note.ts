import "server-only";
import { z } from "zod";
import { escapeHTML } from "@tiptap/static-renderer";
import { createTranslator } from "next-intl";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { slugify } from "@/lib/annotations/export-annotations";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/config";
import { noteToHtml, noteToMarkdown } from "./render-note";
import { noteToDocx, noteToPdf } from "./render-note-files";

export const ZNoteExportFormat = z.enum(["md", "html", "docx", "pdf"]);

export interface NoteExport {
  filename: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

/**
 * The meeting note as a file any member may download: Markdown, a standalone HTML page, Word or
 * PDF. Made
 * from the note's text alone (the editor JSON the note room keeps), so it carries no Yjs data,
 * no edit history, no authors and no times; the heading says which rule the meeting was held under.
 */
export async function exportNote({
  viewer,
  workshopId,
  format,
  locale,
}: {
  viewer: Viewer;
  workshopId: string;
  /** Unvalidated (from a query string): anything but "md" or "html" is a 400. */
  format: string | null | undefined;
  locale: Locale;
}): Promise<NoteExport> {
  const parsed = ZNoteExportFormat.safeParse(format);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", "fields.invalid", "Unknown export format: use format=md, html, docx or pdf.", { field: "format" });
  }
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "note.view");
  const db = await getPrisma();
  const note = await db.meetingNote.findUnique({ where: { workshopId }, select: { content: true } });
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "note.export" });
  const title = t("title", { workshop: workshop.title });
  const rule = workshop.attribution === "CHATHAM_HOUSE" ? t("chathamHouse") : null;
  const filename = `${slugify(workshop.title)}-meeting-note.${parsed.data}`;

  const header = { title, rule, language: locale };
  if (parsed.data === "docx") {
    const body = Uint8Array.from(await noteToDocx(note?.content, header));
    return { filename, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body };
  }
  if (parsed.data === "pdf") {
    return { filename, contentType: "application/pdf", body: Uint8Array.from(await noteToPdf(note?.content, header)) };
  }
  if (parsed.data === "md") {
    const body = noteToMarkdown(note?.content);
    const header = [`# ${title.replace(/([\\`*_[\]#<>])/g, "\\$1")}`, ...(rule ? ["", `*${rule}*`] : [])].join("\n");
    return { filename, contentType: "text/markdown; charset=utf-8", body: `${header}\n\n${body}\n` };
  }
  const html = [
    "<!doctype html>",
    `<html lang="${locale}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHTML(title)}</title>`,
    "<style>body{font-family:Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1d2330}blockquote{border-left:3px solid #d5d9e2;margin-left:0;padding-left:1rem}</style>",
    "</head>",
    "<body>",
    `<h1>${escapeHTML(title)}</h1>`,
    ...(rule ? [`<p><em>${escapeHTML(rule)}</em></p>`] : []),
    noteToHtml(note?.content),
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return { filename, contentType: "text/html; charset=utf-8", body: html };
}
