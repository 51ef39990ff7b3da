/** What the database benches share: running one measurement on each database, and percentiles. */
import type { DatabaseTarget } from "../../lib/db/connection";
import { createThrowawayDatabase, dropThrowawayDatabase } from "../../test/db-server";
import type { BenchRow } from "../run";

/**
 * Runs `measure` on in-memory PGlite, then on PostgreSQL when BENCH_DATABASE_URL names a server
 * (in a throwaway database made there and dropped after); one row each.
 */
export async function measureOnEachDatabase(measure: (target: DatabaseTarget, label: string) => Promise<BenchRow>): Promise<BenchRow[]> {
  const rows = [await measure({ kind: "pglite", dataDir: null }, "PGlite (in memory)")];
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
  if (serverUrl) {
    const throwaway = await createThrowawayDatabase(serverUrl);
    try {
      rows.push(await measure({ kind: "postgres", url: throwaway.url }, "PostgreSQL"));
    } finally {
      await dropThrowawayDatabase(serverUrl, throwaway.name);
    }
  }
  return rows;
}

/** The value below which `share` (0–1) of the values fall (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}
