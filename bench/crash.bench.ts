/**
 * Issue 14: 50 crash cycles per database (test/support/crash-cycles.ts): an app node SIGKILLed
 * mid-typing and mid-annotating, then every acknowledged note update and every annotation answered
 * 201 looked for in storage and on the restarted node. PGlite in a data directory on disk, as
 * `npm start` keeps it; PostgreSQL when BENCH_DATABASE_URL names a server. CRASH_CYCLES and
 * CRASH_SEED change the count and replay a seed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { adoptDatabase, disconnectDatabase } from "../lib/db";
import { openDatabase } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";
import { createThrowawayDatabase, dropThrowawayDatabase } from "../test/db-server";
import { pgliteDataDirDatabase, postgresDatabase, runCrashCycles, type CrashReport } from "../test/support/crash-cycles";
import type { Bench, BenchRow } from "./run";

const CYCLES = Number(process.env.CRASH_CYCLES) || 50;
const SEED = Number(process.env.CRASH_SEED) || Date.now() % 100_000;

const row = (database: string, report: CrashReport): BenchRow => ({
  database,
  cycles: report.cycles,
  "acked updates": report.ackedUpdates,
  "2xx writes": report.writes,
  "lost updates": report.lostUpdates,
  "lost writes": report.lostWrites,
  "s per cycle": (report.msPerCycle / 1000).toFixed(1),
});

async function onPglite(): Promise<BenchRow> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-crash-bench-"));
  try {
    const database = pgliteDataDirDatabase(dataDir);
    // A new directory: migrated once, here, before any node opens it.
    // Where the node finds it under DATA_DIR (lib/db/connection.ts, resolveDatabaseTarget).
    const migrating = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
    await applyPendingMigrations(migrating.factory);
    await migrating.close();
    return row("PGlite (data directory)", await runCrashCycles({ database, cycles: CYCLES, seed: SEED }));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(serverUrl: string): Promise<BenchRow> {
  const throwaway = await createThrowawayDatabase(serverUrl);
  try {
    const connection = await openDatabase({ kind: "postgres", url: throwaway.url });
    await applyPendingMigrations(connection.factory);
    adoptDatabase(connection);
    return row("PostgreSQL", await runCrashCycles({ database: postgresDatabase(throwaway.url), cycles: CYCLES, seed: SEED }));
  } finally {
    await disconnectDatabase();
    await dropThrowawayDatabase(serverUrl, throwaway.name);
  }
}

const bench: Bench = async () => {
  const rows = [await onPglite()];
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
  if (serverUrl) rows.push(await onPostgres(serverUrl));
  return {
    title: `Crash cycles: SIGKILL mid-traffic, then restart (seed ${SEED})`,
    rows,
    notes: [
      "per cycle: a fresh node, 3 members typing into the note (one also annotating over HTTP), SIGKILL after 10–60 acknowledgements",
      "lost: acknowledged updates or 201-answered annotations missing after the kill or from the restarted node (must be 0)",
      "set BENCH_DATABASE_URL=postgresql://… to run the PostgreSQL cycles too",
    ],
  };
};

export default bench;
