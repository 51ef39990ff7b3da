import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { describeTestDatabase, setupTestDatabase, TEST_DATABASE_TIMEOUT_MS, teardownTestDatabase, testDatabaseServerUrl } from "@/test/db";
import { pgliteDataDirDatabase, postgresDatabase, runCrashCycles, type CrashDatabase } from "./support/crash-cycles";

// Issue 14: app nodes SIGKILLed mid-traffic lose nothing they acknowledged. On the stage's own
// database: PostgreSQL when TEST_DATABASE_URL is set, otherwise PGlite in a data directory on
// disk, as `npm start` keeps it (an in-memory one would die with the node).

const CYCLES = 10;
// A failure names its seed: set CRASH_SEED to replay it.
const SEED = Number(process.env.CRASH_SEED) || Date.now() % 100_000;

let database: CrashDatabase;
let dataDir: string | null = null;

beforeAll(async () => {
  if (testDatabaseServerUrl()) {
    await setupTestDatabase();
    const url = new URL(testDatabaseServerUrl()!);
    url.pathname = `/${describeTestDatabase().throwawayName}`;
    database = postgresDatabase(url.toString());
    return;
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-crash-"));
  const dump = inject("migratedPgliteDump");
  database = pgliteDataDirDatabase(dataDir, dump ? new Blob([fs.readFileSync(dump)]) : undefined);
}, TEST_DATABASE_TIMEOUT_MS);

afterAll(async () => {
  await teardownTestDatabase();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, TEST_DATABASE_TIMEOUT_MS);

it(`loses no acknowledged note update and no 2xx-answered annotation over ${CYCLES} SIGKILLs (seed ${SEED})`, async () => {
  const report = await runCrashCycles({ database, cycles: CYCLES, seed: SEED });
  expect(report.ackedUpdates).toBeGreaterThan(CYCLES * 10);
  expect(report.writes).toBeGreaterThan(0);
  expect({ lostUpdates: report.lostUpdates, lostWrites: report.lostWrites }).toEqual({ lostUpdates: 0, lostWrites: 0 });
}, 180_000);
