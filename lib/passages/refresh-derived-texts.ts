import type { PrismaClient } from "@/lib/db";
import { parseMarkup } from "@/lib/sources/markup";
import { hasDerivedTextChanged } from "@/lib/sources/derived-text-changed";
import { notifySourceRevised } from "@/lib/realtime/hub";
import { lockSource } from "./lock-source";
import { reanchorPassages } from "./reanchor-passages";

/**
 * Brings stored sources in line with the reader's parser after it changed (lists, quotes and
 * links, for instance): a source whose markup now reads differently gets its new text stored,
 * a new revision, and its passages re-anchored, exactly as if an organizer had revised it.
 * Run by the server at start, after migrations; cheap when nothing changed (one parse per source).
 * Returns how many sources were brought up to date.
 */
export async function refreshDerivedTexts(db: PrismaClient): Promise<number> {
  const sources = await db.source.findMany({ select: { id: true, workshopId: true, markup: true, text: true, format: true } });
  let refreshed = 0;
  for (const candidate of sources.filter(hasDerivedTextChanged)) {
    const revision = await db.$transaction(async (tx) => {
      const source = await lockSource(tx, candidate.workshopId, candidate.id);
      const current = await tx.source.findUnique({ where: { id: candidate.id }, select: { markup: true, text: true, format: true } });
      if (!source || !current || !hasDerivedTextChanged(current)) return null;
      const text = parseMarkup(current.markup || current.text, current.format).text;
      const updated = await tx.source.update({ where: { id: candidate.id }, data: { text, revision: { increment: 1 } }, select: { revision: true } });
      await reanchorPassages(tx, { sourceId: candidate.id, text, revision: updated.revision });
      return updated.revision;
    });
    if (revision === null) continue;
    refreshed += 1;
    notifySourceRevised(candidate.workshopId, candidate.id, revision);
  }
  return refreshed;
}
