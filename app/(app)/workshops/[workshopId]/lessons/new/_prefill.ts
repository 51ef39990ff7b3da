import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { getPassage } from "@/lib/passages/get-passage";
import { getSource } from "@/lib/sources/get-source";
import { draftFromPassage, draftFromSelection, type EvidenceDraft } from "@/components/lessons/evidence-draft";

type Query = Record<string, string | string[] | undefined>;

const integer = (value: string | string[] | undefined) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : null);

/**
 * The evidence a new lesson starts with, from the reader's links: a passage (`?passage=ID`) or
 * a selection (`?source=ID&start=&end=&revision=`). An unknown or foreign one is left out:
 * the form opens empty rather than failing.
 */
export async function prefillEvidence({ viewer, workshopId, query }: { viewer: Viewer; workshopId: string; query: Query }): Promise<EvidenceDraft[]> {
  try {
    if (typeof query.passage === "string" && query.passage) {
      const passage = await getPassage({ viewer, workshopId, passageId: query.passage });
      return passage.isOrphan ? [] : [draftFromPassage(passage)];
    }
    const [start, end, revision] = [integer(query.start), integer(query.end), integer(query.revision)];
    if (typeof query.source === "string" && start !== null && end !== null && revision !== null && end > start) {
      const { source } = await getSource({ viewer, workshopId, sourceId: query.source });
      if (source.revision !== revision || end > source.text.length) return [];
      return [draftFromSelection({ sourceId: source.id, start, end, revision, quote: source.text.slice(start, end), sourceTitle: source.title })];
    }
  } catch {
    return [];
  }
  return [];
}
