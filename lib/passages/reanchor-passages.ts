// Not "server-only": the server runs it at start (refresh-derived-texts), outside Next's bundler.
import type { Tx } from "@/lib/db";
import { describeRange } from "@/lib/anchoring/describe";
import { reanchorAll, type ReanchorOutcome } from "@/lib/anchoring/reanchor";
import type { PassageState } from "@/lib/generated/prisma/enums";

/** What became of a source's passages: found verbatim, found approximately, not found. */
export interface ReanchorCounts {
  placed: number;
  moved: number;
  orphaned: number;
}

interface Placement {
  id: string;
  start: number | null;
  end: number | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  state: PassageState;
}

/** The new selectors of one passage, or an orphan that keeps the quote it had. */
function placementOf(text: string, outcome: ReanchorOutcome): Placement {
  const orphan: Placement = { id: outcome.id, start: null, end: null, exact: null, prefix: null, suffix: null, state: "ORPHANED" };
  if (outcome.isOrphan) return orphan;
  try {
    const { quote } = describeRange(text, outcome.start, outcome.end);
    const state = outcome.exactMatch ? "PLACED" : "MOVED";
    return { id: outcome.id, start: outcome.start, end: outcome.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, state };
  } catch {
    // A fuzzy match that describeRange refuses (only whitespace, too long) is no place at all.
    return orphan;
  }
}

/**
 * Finds every passage of a source again in its new text (exact quote first, then fuzzy), in
 * the caller's transaction: the one place where passages move, so annotations, evidence and
 * footnotes, which point to passages, all follow at once. Orphans keep their quote and are
 * retried at every revision. Writes in one statement, whatever the number of passages.
 */
export async function reanchorPassages(tx: Tx, { sourceId, text, revision }: { sourceId: string; text: string; revision: number }): Promise<ReanchorCounts> {
  const passages = await tx.passage.findMany({
    where: { sourceId },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true },
    orderBy: { id: "asc" },
  });
  const counts: ReanchorCounts = { placed: 0, moved: 0, orphaned: 0 };
  if (passages.length === 0) return counts;
  const targets = passages.map(({ id, exact, prefix, suffix, start, end }) => ({
    id,
    quote: { exact, prefix, suffix },
    position: start !== null && end !== null ? { start, end } : null,
  }));
  const placements = reanchorAll(text, targets).outcomes.map((outcome) => placementOf(text, outcome));
  for (const placement of placements) counts[placement.state === "PLACED" ? "placed" : placement.state === "MOVED" ? "moved" : "orphaned"] += 1;

  // Arrays rather than one parameter per value: a source may carry thousands of passages.
  const column = <K extends keyof Placement>(key: K) => placements.map((placement) => placement[key]);
  await tx.$executeRaw`
    UPDATE "Passage" AS p SET
      "start" = v."start",
      "end" = v."end",
      "exact" = COALESCE(v."exact", p."exact"),
      "prefix" = COALESCE(v."prefix", p."prefix"),
      "suffix" = COALESCE(v."suffix", p."suffix"),
      "state" = v."state"::"PassageState",
      "revision" = CASE WHEN v."state" = 'ORPHANED' THEN p."revision" ELSE ${revision} END
    FROM unnest(
      ${column("id")}::text[], ${column("start")}::int[], ${column("end")}::int[],
      ${column("exact")}::text[], ${column("prefix")}::text[], ${column("suffix")}::text[], ${column("state")}::text[]
    ) AS v("id", "start", "end", "exact", "prefix", "suffix", "state")
    WHERE p."id" = v."id" AND p."sourceId" = ${sourceId}`;
  return counts;
}
