import "server-only";
import { getPrisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { notifySourceRevised } from "@/lib/realtime/hub";
import { describeRange } from "@/lib/anchoring/describe";
import { reanchorAll, type ReanchorOutcome } from "@/lib/anchoring/reanchor";
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

/** What became of the source's annotations: found verbatim, found approximately, not found. */
export interface ReviseSourceResult {
  revision: number;
  placed: number;
  fuzzy: number;
  orphans: number;
}

type Placement = { start: number | null; end: number | null; isOrphan: boolean; exact?: string; prefix?: string; suffix?: string };

/** The row update for one outcome: new offsets and fresh selectors, or an orphan that keeps its quote. */
function placementOf(text: string, outcome: ReanchorOutcome): Placement {
  if (outcome.isOrphan) return { start: null, end: null, isOrphan: true };
  try {
    const { quote } = describeRange(text, outcome.start, outcome.end);
    return { start: outcome.start, end: outcome.end, isOrphan: false, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
  } catch {
    // A fuzzy match that describeRange refuses (only whitespace, too long) is no place at all.
    return { start: null, end: null, isOrphan: true };
  }
}

/**
 * Replaces a source's text (organizers only) and re-anchors every annotation by its quote and
 * context: exact match first, then fuzzy. Annotations that cannot be placed become orphans with
 * their quote kept, never deleted. Text, revision and every annotation change in one transaction.
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
    const source = await tx.source.findFirst({ where: { id: sourceId, workshopId }, select: { format: true, revision: true } });
    if (!source) throw notFound("Source");
    if (baseRevision !== undefined && baseRevision !== source.revision) {
      throw new AppError("CONFLICT", "sourceRevisedMeanwhile", "Someone revised this text meanwhile. Reload the page and make your changes again.");
    }
    const text = parseMarkup(markup, source.format).text;
    if (!text.trim()) throw emptyError("The source contains no text.");
    const annotations = await tx.annotation.findMany({
      where: { sourceId, workshopId },
      select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true },
      orderBy: { id: "asc" },
    });
    const targets = annotations.map(({ id, exact, prefix, suffix, start, end }) => ({
      id,
      quote: { exact, prefix, suffix },
      position: start !== null && end !== null ? { start, end } : null,
    }));
    const counts = { placed: 0, fuzzy: 0, orphans: 0 };
    for (const outcome of reanchorAll(text, targets).outcomes) {
      const placement = placementOf(text, outcome);
      if (placement.isOrphan) counts.orphans += 1;
      else if (!outcome.isOrphan && outcome.exactMatch) counts.placed += 1;
      else counts.fuzzy += 1;
      await tx.annotation.update({ where: { id: outcome.id }, data: placement });
    }
    const revised = await tx.source.update({ where: { id: sourceId }, data: { markup, text, revision: { increment: 1 } }, select: { revision: true } });
    return { revision: revised.revision, ...counts };
  });
  notifySourceRevised(workshopId, sourceId, result.revision);
  return result;
}
