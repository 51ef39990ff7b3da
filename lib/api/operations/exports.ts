import { z } from "zod";
import { ok, operation } from "../operation";
import { ZArchiveManifest, ZLessonsExportFormat, ZWorkshopCodebookFormat } from "@/lib/exports/schemas";

const WHO_EXPORTS = "Organizers and rapporteurs, also once the workshop is closed.";

export const EXPORT_OPERATIONS = [
  operation("GET", "/api/workshops/{workshopId}/export/lessons", {
    tag: "Exports",
    summary: "The lessons with their consensus phrases and evidence, aggregated (never a row per person)",
    access: WHO_EXPORTS,
    query: z.object({ format: ZLessonsExportFormat }),
    success: { status: 200, description: "format=csv, or json (ZLessonsExport).", download: ["text/csv", "application/json"] },
    errors: ["FORBIDDEN"],
  }),
  operation("GET", "/api/workshops/{workshopId}/export/annotations", {
    tag: "Exports",
    summary: "Every visible annotation and reply as one W3C Web Annotation collection",
    access: WHO_EXPORTS,
    success: { status: 200, description: "An AnnotationCollection (JSON-LD), no authors, dates to the day.", download: ["application/ld+json"] },
    errors: ["FORBIDDEN"],
  }),
  operation("GET", "/api/workshops/{workshopId}/export/codebook", {
    tag: "Exports",
    summary: "The codebook",
    access: WHO_EXPORTS,
    query: z.object({ format: ZWorkshopCodebookFormat }),
    success: { status: 200, description: "format=json (Rapporteur JSON) or qdc (REFI-QDA codebook).", download: ["application/json", "application/xml"] },
    errors: ["FORBIDDEN"],
  }),
  operation("GET", "/api/workshops/{workshopId}/export/archive/manifest", {
    tag: "Exports",
    summary: "What the archive bundle holds, part by part",
    access: WHO_EXPORTS,
    success: ok(ZArchiveManifest),
    errors: ["FORBIDDEN"],
  }),
  operation("GET", "/api/workshops/{workshopId}/export/archive", {
    tag: "Exports",
    summary: "The archive bundle: the note in every format, lessons, annotations, codebook and a README",
    description: "Streamed while its parts are made; at most two are made at once (429 otherwise).",
    access: WHO_EXPORTS,
    success: { status: 200, description: "A ZIP file.", download: ["application/zip"] },
    errors: ["FORBIDDEN"],
  }),
];
