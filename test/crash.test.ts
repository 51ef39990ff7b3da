import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { describeTestDatabase, setupTestDatabase, TEST_DATABASE_TIMEOUT_MS, teardownTestDatabase, testDatabaseServerUrl } from "@/test/db";
import { missingUpdates, pgliteDataDirDatabase, postgresDatabase, runCrashCycles, type CrashDatabase } from "./support/crash-cycles";
import { typePiece } from "./support/note-typing";

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

it("counts an update as lost when the stored note lacks any of its items", () => {
  const doc = new Y.Doc();
  const first = typePiece(doc, "m0", "a");
  const stored = Y.encodeStateAsUpdate(doc);
  const second = typePiece(doc, "m0", "b");
  expect(missingUpdates(stored, [first])).toBe(0);
  expect(missingUpdates(stored, [first, second])).toBe(1);
  expect(missingUpdates(Y.encodeStateAsUpdate(new Y.Doc()), [first, second])).toBe(2);
});

it(`loses no acknowledged note update and no 2xx-answered annotation over ${CYCLES} SIGKILLs (seed ${SEED})`, async () => {
  const report = await runCrashCycles({ database, cycles: CYCLES, seed: SEED });
  expect(report.ackedUpdates).toBeGreaterThan(CYCLES * 10);
  expect(report.writes).toBeGreaterThan(0);
  expect({ lostUpdates: report.lostUpdates, lostWrites: report.lostWrites }).toEqual({ lostUpdates: 0, lostWrites: 0 });
  // About 7 s a cycle on PostgreSQL and 15 s on PGlite (node start-up: tsx, PGlite's WASM) on a busy CI machine.
}, 480_000);
