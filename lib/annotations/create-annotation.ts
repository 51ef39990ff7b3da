import "server-only";
import { getPrisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { describeRange } from "@/lib/anchoring/describe";
import { isAnchoringError } from "@/lib/anchoring/errors";
import { assertWorkshopThemes } from "./access";
import { audienceFor } from "./audience";
import { broadcastAnnotation } from "./broadcast";
import { ANNOTATION_INCLUDE, presentAnnotation, type PresentedAnnotation } from "./present";
import { ZCreateAnnotationInput, type CreateAnnotationInput } from "./schemas";

export interface CreateAnnotationOptions {
  viewer: Viewer;
  workshopId: string;
  sourceId: string;
  input: CreateAnnotationInput;
}

/** The selectors of a range of the source's text, or a clear error for a bad selection. */
function describeSelection(text: string, start: number, end: number) {
  try {
    return describeRange(text, start, end);
  } catch (error) {
    if (!isAnchoringError(error)) throw error;
    if (error.code === "TOO_LONG") throw new AppError("PAYLOAD_TOO_LARGE", "fields.selectionTooLong", error.message, { field: "end" });
    throw new AppError("BAD_REQUEST", "fields.selectionInvalid", error.message, { field: "start" });
  }
}

/**
 * Highlights a passage of a source, with an optional comment and themes. The passage is stored
 * as W3C TextQuote and TextPosition selectors, so that it can be found again after revisions.
 */
export async function createAnnotation({ viewer, workshopId, sourceId, input }: CreateAnnotationOptions): Promise<PresentedAnnotation> {
  const { start, end, comment, themeIds } = parseInput(ZCreateAnnotationInput, input);
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "content.contribute");
  const db = await getPrisma();
  const annotation = await db.$transaction(async (tx) => {
    const source = await tx.source.findFirst({ where: { id: sourceId, workshopId }, select: { text: true } });
    if (!source) throw notFound("Source");
    const { quote, position } = describeSelection(source.text, start, end);
    await assertWorkshopThemes(tx, workshopId, themeIds);
    return tx.annotation.create({
      data: {
        workshopId,
        sourceId,
        authorId: viewer.id,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        start: position.start,
        end: position.end,
        comment,
        themes: { create: [...new Set(themeIds)].map((themeId) => ({ themeId })) },
      },
      include: ANNOTATION_INCLUDE,
    });
  });
  await broadcastAnnotation(workshopId, annotation.id);
  return presentAnnotation(annotation, audienceFor(viewer.id, membership.role));
}
