import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { slugify } from "@/lib/annotations/export-annotations";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { writeCodebookJson } from "./codebook-files/codebook-json";
import { writeCodebookQdc } from "./codebook-files/codebook-qdc";
import { presentTheme } from "./present";

export const ZCodebookExportFormat = z.enum(["json", "qdc"]);

export interface CodebookExportOptions {
  viewer: Viewer;
  workshopId: string;
  /** Unvalidated (from a query string): anything but "json" or "qdc" is a 400. */
  format: string | null | undefined;
}

/**
 * The workshop's codebook as a file any member may download: Rapporteur JSON or REFI-QDA .qdc.
 * Only names, descriptions, colours and order: nothing about people, proposals or tags.
 */
export async function exportCodebook({ viewer, workshopId, format }: CodebookExportOptions) {
  const parsed = ZCodebookExportFormat.safeParse(format);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", "codebookExportFormat", "Unknown codebook format: use format=json or format=qdc.", { field: "format" });
  }
  const { workshop } = await getWorkshopAccess(viewer, workshopId);
  const db = await getPrisma();
  const themes = (await db.theme.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { id: "asc" }] })).map(presentTheme);
  const base = `${slugify(workshop.title)}-codebook`;
  if (parsed.data === "qdc") {
    return { filename: `${base}.qdc`, contentType: "application/xml; charset=utf-8", body: writeCodebookQdc(themes) };
  }
  return { filename: `${base}.json`, contentType: "application/json; charset=utf-8", body: writeCodebookJson(themes) };
}
