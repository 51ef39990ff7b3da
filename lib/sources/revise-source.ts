import "server-only";
import { getPrisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { notifySourceRevised } from "@/lib/realtime/hub";
import { lockSource } from "@/lib/passages/lock-source";
import { reanchorPassages, type ReanchorCounts } from "@/lib/passages/reanchor-passages";
import { emptyError, textTooLongError, MAX_SOURCE_CHARS } from "./import/import-errors";
import { parseMarkup } from "./markup";
import { normalizeSourceText } from "./normalize-text";
import { ZReviseSourceInput, type ReviseSourceInput } from "./schemas";

export interface ReviseSourceOptions {
  viewer: Viewer;
  workshopId: string;
  sourceId: string;
  input: ReviseSourceInput;
}

/** The new revision, and what became of the source's passages (see lib/passages/reanchor-passages). */
export type ReviseSourceResult = { revision: number } & ReanchorCounts;

/**
 * Replaces a source's text (organizers only) and finds every passage again by its quote and
 * context: exact match first, then fuzzy. Passages that cannot be placed become orphans with
 * their quote kept, never deleted; annotations, evidence and footnotes follow their passages.
 * Text, revision and passages change in one transaction, with the source locked.
 */
export async function reviseSource({ viewer, workshopId, sourceId, input }: ReviseSourceOptions): Promise<ReviseSourceResult> {
  const { markup: raw, baseRevision } = parseInput(ZReviseSourceInput, input);
  // Checked before the transaction: PGlite has one connection, which the transaction holds.
  await requireWorkshopPermission(viewer, workshopId, "sources.revise");
  const markup = normalizeSourceText(raw);
  if (!markup) throw emptyError("The source contains no text.");
  if (markup.length > MAX_SOURCE_CHARS) throw textTooLongError(markup.length);

  const db = await getPrisma();
  const result = await db.$transaction(async (tx) => {
    const source = await lockSource(tx, workshopId, sourceId);
    if (!source) throw notFound("Source");
    if (baseRevision !== undefined && baseRevision !== source.revision) {
      throw new AppError("CONFLICT", "sourceRevisedMeanwhile", "Someone revised this text meanwhile. Reload the page and make your changes again.");
    }
    const text = parseMarkup(markup, source.format).text;
    if (!text.trim()) throw emptyError("The source contains no text.");
    const revised = await tx.source.update({ where: { id: sourceId }, data: { markup, text, revision: { increment: 1 } }, select: { revision: true } });
    const counts = await reanchorPassages(tx, { sourceId, text, revision: revised.revision });
    return { revision: revised.revision, ...counts };
  });
  notifySourceRevised(workshopId, sourceId, result.revision);
  return result;
}
