import "server-only";
import { z } from "zod";
import { createTranslator } from "next-intl";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { loadMessages } from "@/i18n/messages";
import { byDocumentOrder } from "./order";
import type { Locale } from "@/i18n/config";

export const ZExportFormat = z.enum(["jsonld", "csv"]);
export type ExportFormat = z.infer<typeof ZExportFormat>;

export interface ExportAnnotationsOptions {
  viewer: Viewer;
  workshopId: string;
  sourceId: string;
  /** Unvalidated (from a query string): anything but "jsonld" or "csv" is a 400. */
  format: string | null | undefined;
  locale: Locale;
}

export interface AnnotationExport {
  filename: string;
  contentType: string;
  body: string;
}

/**
 * What an export is made of. Selected field by field: authors are never even read, so an
 * export cannot carry them (the database knows who wrote what; whoever holds a file must not).
 */
export const ANNOTATION_EXPORT_SELECT = {
  id: true,
  passage: { select: { exact: true, prefix: true, suffix: true, start: true, end: true, state: true } },
  comment: true,
  createdAt: true,
  themes: { select: { themeId: true } },
  replies: { where: { hiddenAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true } },
} as const;

export type ExportedAnnotation = {
  id: string;
  passage: { exact: string; prefix: string; suffix: string; start: number | null; end: number | null; state: string };
  comment: string;
  createdAt: Date;
  themes: { themeId: string }[];
  replies: { id: string; body: string; createdAt: Date }[];
};
export type ExportTheme = { id: string; name: string };

/**
 * A source's annotations as a file any member may download: W3C Web Annotation JSON-LD (an
 * AnnotationCollection) or CSV grouped by theme in codebook order. Hidden annotations and
 * replies are left out; nothing names or identifies an author, and times are given to the day.
 */
export async function exportAnnotations({ viewer, workshopId, sourceId, format, locale }: ExportAnnotationsOptions): Promise<AnnotationExport> {
  const parsed = ZExportFormat.safeParse(format);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", "fields.invalid", "Unknown export format: use format=jsonld or format=csv.", { field: "format" });
  }
  await getWorkshopAccess(viewer, workshopId);
  const db = await getPrisma();
  const source = await db.source.findFirst({ where: { id: sourceId, workshopId }, select: { id: true, title: true } });
  if (!source) throw notFound("Source");
  const [annotations, themes] = await Promise.all([
    db.annotation.findMany({ where: { workshopId, passage: { sourceId }, hiddenAt: null }, select: ANNOTATION_EXPORT_SELECT }),
    db.theme.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]);
  const ordered = [...annotations].sort(byDocumentOrder);
  const filename = `${slugify(source.title)}-annotations.${parsed.data === "jsonld" ? "jsonld" : "csv"}`;
  if (parsed.data === "csv") {
    return { filename, contentType: "text/csv; charset=utf-8", body: toCsv(ordered, themes, locale) };
  }
  const urls = exportUrls(getEnv().APP_URL, workshopId, sourceId);
  const collection = toAnnotationCollection(ordered, themes, urls, source.title);
  return { filename, contentType: "application/ld+json", body: `${JSON.stringify(collection, null, 2)}\n` };
}

function hasTheme(annotation: ExportedAnnotation, theme: ExportTheme): boolean {
  return annotation.themes.some(({ themeId }) => themeId === theme.id);
}

/** A file name people recognize, ASCII only so that every browser keeps it. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "source";
}

// ---------- W3C Web Annotation JSON-LD ----------

interface ExportUrls {
  collection: string;
  source: string;
}

function exportUrls(appUrl: string, workshopId: string, sourceId: string): ExportUrls {
  const source = `${appUrl}/workshops/${encodeURIComponent(workshopId)}/sources/${encodeURIComponent(sourceId)}`;
  return { source, collection: `${appUrl}/api/workshops/${encodeURIComponent(workshopId)}/sources/${encodeURIComponent(sourceId)}/annotations/export?format=jsonld` };
}

/** Coarse on purpose: midnight UTC of the day, a valid xsd:dateTime that says only the day. */
function dayOf(date: Date): string {
  return `${date.toISOString().slice(0, 10)}T00:00:00Z`;
}

function textualBody(value: string, purpose: "commenting" | "tagging" | "replying") {
  return { type: "TextualBody", value, format: "text/plain", purpose };
}

function selectorsOf({ passage }: ExportedAnnotation) {
  const quote = {
    type: "TextQuoteSelector",
    exact: passage.exact,
    ...(passage.prefix && { prefix: passage.prefix }),
    ...(passage.suffix && { suffix: passage.suffix }),
  };
  const isPlaced = passage.state !== "ORPHANED" && passage.start !== null && passage.end !== null;
  return isPlaced ? [quote, { type: "TextPositionSelector", start: passage.start, end: passage.end }] : [quote];
}

/**
 * An annotation (its themes as tagging bodies, in codebook order) and its replies. Per the
 * Web Annotation model, a reply is an annotation of its own, with the "replying" motivation,
 * whose target is the annotation it answers.
 */
export function toW3cAnnotations(annotation: ExportedAnnotation, themes: ExportTheme[], urls: Pick<ExportUrls, "source">) {
  const id = `${urls.source}#annotation-${annotation.id}`;
  const tags = themes.filter((theme) => hasTheme(annotation, theme)).map((theme) => theme.name);
  const body = [...(annotation.comment ? [textualBody(annotation.comment, "commenting")] : []), ...tags.map((name) => textualBody(name, "tagging"))];
  const main = {
    id,
    type: "Annotation",
    motivation: annotation.comment ? "commenting" : "highlighting",
    created: dayOf(annotation.createdAt),
    ...(body.length > 0 && { body }),
    target: { source: urls.source, selector: selectorsOf(annotation) },
  };
  const replies = annotation.replies.map((reply) => ({
    id: `${urls.source}#reply-${reply.id}`,
    type: "Annotation",
    motivation: "replying",
    created: dayOf(reply.createdAt),
    body: textualBody(reply.body, "replying"),
    target: id,
  }));
  return [main, ...replies];
}

function toAnnotationCollection(annotations: ExportedAnnotation[], themes: ExportTheme[], urls: ExportUrls, title: string) {
  const items = annotations.flatMap((annotation) => toW3cAnnotations(annotation, themes, urls));
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: urls.collection,
    type: "AnnotationCollection",
    label: `Annotations: ${title}`,
    total: items.length,
    first: { id: `${urls.collection}#page-1`, type: "AnnotationPage", startIndex: 0, items },
  };
}

// ---------- CSV (RFC 4180) ----------

const BOM = "\uFEFF";
const CRLF = "\r\n";

/**
 * One RFC 4180 field: always quoted, quotes doubled. A leading =, +, -, @, tab or carriage
 * return gets an apostrophe so that a spreadsheet shows it rather than running it as a formula.
 */
export function csvField(value: string | number): string {
  const text = String(value);
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

function toCsv(annotations: ExportedAnnotation[], themes: ExportTheme[], locale: Locale): string {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "export" });
  const header = [t("columns.theme"), t("columns.quote"), t("columns.comment"), t("columns.replies"), t("columns.position")];
  const row = (theme: string, annotation: ExportedAnnotation) => [
    theme,
    annotation.passage.exact,
    annotation.comment,
    annotation.replies.map((reply) => reply.body).join("\n"),
    annotation.passage.state === "ORPHANED" || annotation.passage.start === null ? "" : annotation.passage.start,
  ];
  const rows: (string | number)[][] = [header];
  for (const theme of themes) {
    for (const annotation of annotations) {
      if (hasTheme(annotation, theme)) rows.push(row(theme.name, annotation));
    }
  }
  for (const annotation of annotations) {
    if (annotation.themes.length === 0) rows.push(row(t("noTheme"), annotation));
  }
  return BOM + rows.map((fields) => fields.map(csvField).join(",")).join(CRLF) + CRLF;
}
