import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { ownershipOf } from "@/lib/ownership/ownership";
import { assertOwnContribution } from "@/lib/ownership/own-contribution";
import { ANNOTATION_INCLUDE } from "./present";

/** Checks that every theme id belongs to the workshop, so tags cannot reach across workshops. */
export async function assertWorkshopThemes(tx: Tx, workshopId: string, themeIds: readonly string[]): Promise<void> {
  if (themeIds.length === 0) return;
  const unique = [...new Set(themeIds)];
  const found = await tx.theme.count({ where: { workshopId, id: { in: unique } } });
  if (found !== unique.length) {
    throw new AppError("BAD_REQUEST", "fields.themeUnknown", "One of the themes does not exist in this workshop.", { field: "themeIds" });
  }
}

/**
 * The annotation, for its author only (editing and deleting are the author's); see
 * assertOwnContribution for what anyone else is told. Check the viewer's permission before
 * opening the transaction: PGlite has one connection, so a query outside the transaction would
 * wait for it to end.
 */
export async function getOwnAnnotation(tx: Tx, viewer: Viewer, workshopId: string, annotationId: string) {
  const annotation = await tx.annotation.findFirst({ where: { id: annotationId, workshopId }, include: ANNOTATION_INCLUDE });
  const ownership = ownershipOf(await findWorkshopKey(tx, workshopId), viewer.id);
  assertOwnContribution(annotation, { kind: "annotation", id: annotationId }, ownership, "Annotation");
  return { annotation, ownership };
}
