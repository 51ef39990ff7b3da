import "server-only";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Viewer } from "@/lib/auth/session";
import { ANNOTATION_EXPORT_SELECT, slugify, toW3cAnnotations } from "@/lib/annotations/export-annotations";
import { byDocumentOrder } from "@/lib/annotations/order";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import type { ExportFile } from "./types";

/**
 * Every annotation of the workshop as one W3C Web Annotation collection: an
 * AnnotationCollection of one AnnotationPage (sources in the workshop's order, annotations in
 * document order, each followed by its replies), each annotation made exactly as
 * the one-source export makes it (lib/annotations/export-annotations.ts): hidden ones left out,
 * no author, times to the day.
 */
export async function exportWorkshopAnnotations({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<ExportFile> {
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "exports.download");
  const db = await getPrisma();
  const [sources, annotations, themes] = await Promise.all([
    db.source.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, title: true } }),
    db.annotation.findMany({ where: { workshopId, hiddenAt: null }, select: { ...ANNOTATION_EXPORT_SELECT, passage: { select: { ...ANNOTATION_EXPORT_SELECT.passage.select, sourceId: true } } } }),
    db.theme.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]);
  const appUrl = getEnv().APP_URL;
  const workshopPath = `${appUrl}/workshops/${encodeURIComponent(workshopId)}`;
  const collectionId = `${appUrl}/api/workshops/${encodeURIComponent(workshopId)}/export/annotations`;
  // One page holding every item, so that the file is the whole collection (further pages would
  // be addresses to fetch, which a file in a repository cannot follow).
  const items = sources.flatMap((source) => {
    const url = `${workshopPath}/sources/${encodeURIComponent(source.id)}`;
    const ofSource = annotations.filter((annotation) => annotation.passage.sourceId === source.id).sort(byDocumentOrder);
    return ofSource.flatMap((annotation) => toW3cAnnotations(annotation, themes, { source: url }));
  });
  const collection = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: collectionId,
    type: "AnnotationCollection",
    label: `Annotations: ${workshop.title}`,
    total: items.length,
    first: { id: `${collectionId}#page-1`, type: "AnnotationPage", partOf: collectionId, startIndex: 0, items },
  };
  return { filename: `${slugify(workshop.title)}-annotations.jsonld`, contentType: "application/ld+json", body: `${JSON.stringify(collection, null, 2)}\n` };
}
