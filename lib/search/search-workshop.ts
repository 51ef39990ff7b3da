import "server-only";
import { getPrisma, type PrismaClient } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { audienceFor, canSee, type Audience } from "@/lib/annotations/audience";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { can } from "@/lib/workshops/policy";
import { parseInput } from "@/lib/validation";
import { SEARCH_KINDS, ZSearchQuery, type SearchKind, type SearchResponse } from "./schemas";
import { searchSql, type SearchRow } from "./search-sql";
import { presentSearchGroup, presentSearchResult } from "./present";
import { freshMarkers } from "./snippet";
import { refreshSourceParagraphs } from "./refresh-source-paragraphs";

/** Results per kind: a few of each when searching everything, more when one kind is asked for. */
export const RESULTS_PER_KIND = { all: 10, one: 50 } as const;

/**
 * The hidden items the viewer may still see, by the rule of the pages (lib/annotations/audience.ts
 * canSee: their author and the moderators); null when they see all of them. Only the workshop's
 * key tells whose an item is, so this is decided here, not in SQL.
 */
async function findVisibleHiddenIds(db: PrismaClient, workshopId: string, audience: Audience): Promise<Set<string> | null> {
  if (audience.isModerator) return null;
  const hidden = { hiddenAt: { not: null } };
  const select = { id: true, ownerTag: true, hiddenAt: true } as const;
  const [annotations, replies, lessons] = await Promise.all([
    db.annotation.findMany({ where: { workshopId, ...hidden }, select }),
    db.annotationReply.findMany({ where: { annotation: { workshopId }, ...hidden }, select }),
    db.lesson.findMany({ where: { workshopId, ...hidden }, select }),
  ]);
  const seen = (kind: "annotation" | "reply" | "lesson", rows: typeof annotations) =>
    rows.filter((row) => canSee(row, { kind, id: row.id }, audience)).map((row) => row.id);
  return new Set([...seen("annotation", annotations), ...seen("reply", replies), ...seen("lesson", lessons)]);
}

/**
 * Searches a workshop's sources (by paragraph), annotations, replies, lessons and meeting note,
 * as the viewer may see them on the pages: hidden items only for their author and the organizers,
 * merged lessons never, the note only for roles that read it. Results are ranked by relevance,
 * with highlighted snippets, and presented (no author, `mine` only, no times).
 */
export async function searchWorkshop({ viewer, workshopId, query }: { viewer: Viewer; workshopId: string; query: unknown }): Promise<SearchResponse> {
  const { workshop, membership } = await getWorkshopAccess(viewer, workshopId);
  const input = parseInput(ZSearchQuery, query);
  const db = await getPrisma();
  const audience = audienceFor(viewer.id, membership.role, await findWorkshopKey(db, workshopId));
  const readsNote = can({ role: membership.role, status: workshop.status }, "note.view");
  const kinds = (input.kind ? [input.kind] : [...SEARCH_KINDS]).filter((kind) => kind !== "note" || readsNote);
  const [visibleHiddenIds] = await Promise.all([
    findVisibleHiddenIds(db, workshopId, audience),
    kinds.includes("source") ? refreshSourceParagraphs(db, workshopId, input.sourceId) : undefined,
  ]);
  const markers = freshMarkers();
  const limit = input.kind ? RESULTS_PER_KIND.one : RESULTS_PER_KIND.all;
  // The kinds are independent queries: on a server they run side by side on the pool's
  // connections (the embedded database takes them one after another either way).
  const searched = await Promise.all(
    kinds.map(async (kind) => {
      const sql = searchSql(kind, { workshopId, q: input.q, themeId: input.themeId, sourceId: input.sourceId, visibleHiddenIds, markers, limit });
      if (!sql) return null;
      const rows = await db.$queryRaw<SearchRow[]>(sql);
      return presentSearchGroup(kind as SearchKind, rows, limit, (row) => presentSearchResult(kind, row, audience, markers, workshopId));
    }),
  );
  return { query: input, groups: searched.filter((group) => group !== null) };
}
