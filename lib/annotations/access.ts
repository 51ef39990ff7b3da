import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { ownershipOf } from "@/lib/ownership/ownership";
import { assertOwnContribution } from "@/lib/ownership/own-contribution";
import { ANNOTATION_INCLUDE } from "./present";

/**
 * Checks that every theme id belongs to the workshop, so tags cannot reach across workshops, and
 * keeps those themes from being merged or deleted until the transaction ends: the rows are read
 * FOR KEY SHARE (shared with other taggers; a merge or delete, which locks the theme FOR UPDATE,
 * waits for this transaction, then moves or removes its tags; see lib/themes/merge-themes.ts). A
 * theme merged or deleted first is simply not found here: the person is told to choose another.
 */
export async function assertWorkshopThemes(tx: Tx, workshopId: string, themeIds: readonly string[]): Promise<void> {
  if (themeIds.length === 0) return;
  const unique = [...new Set(themeIds)];
  const found = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Theme" WHERE "workshopId" = ${workshopId} AND "id" IN (${Prisma.join(unique)}) FOR KEY SHARE`;
  if (found.length !== unique.length) {
    throw new AppError("BAD_REQUEST", "fields.themeUnknown", "This theme was merged or deleted meanwhile, or is not in this workshop; choose another.", { field: "themeIds" });
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
