import fs from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDatabase, adoptDatabase, type PrismaClient } from "@/lib/db";
import { openDatabase, type DatabaseConnection, type DatabaseTarget } from "@/lib/db/connection";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { createThrowawayDatabase, dropThrowawayDatabase, quoteIdentifier, testDatabaseServerUrl } from "./db-server";

export { createThrowawayDatabase, dropThrowawayDatabase, testDatabaseServerUrl } from "./db-server";

/**
 * Integration-test databases. Each test file (vitest runs every file in its own process) gets
 * a fresh, migrated database:
 * - by default an in-memory PGlite;
 * - with TEST_DATABASE_URL set, a throwaway database `rapporteur_t_<random>` created on that
 *   PostgreSQL server and dropped again in teardown.
 * Both start as copies of the database test/global-setup.ts migrated once for the whole run.
 */

/** Opening PGlite and running the WASM schema engine take seconds on a slow machine. */
export const TEST_DATABASE_TIMEOUT_MS = 120_000;

interface TestDatabaseState {
  connection: DatabaseConnection;
  prisma: PrismaClient;
  /** Name of the throwaway PostgreSQL database, null for PGlite. */
  throwawayName: string | null;
}

let state: TestDatabaseState | null = null;

/**
 * Opens a fresh database for the calling test file, applies the migrations, makes it the
 * process-wide Prisma client (what `getPrisma()` returns) and returns that client.
 * Call it from `beforeAll` (or use `registerTestDatabase()`); pair it with `teardownTestDatabase()`.
 */
export async function setupTestDatabase(): Promise<PrismaClient> {
  if (state) throw new Error("setupTestDatabase() was already called in this file; call teardownTestDatabase() first");
  const serverUrl = testDatabaseServerUrl();
  let throwawayName: string | null = null;
  const dumpFile = inject("migratedPgliteDump");
  const startFrom = dumpFile ? new Blob([fs.readFileSync(dumpFile)]) : undefined;
  let target: DatabaseTarget = { kind: "pglite", dataDir: null, startFrom };
  if (serverUrl) {
    const throwaway = await createThrowawayDatabase(serverUrl, inject("migratedTemplateDatabase"));
    throwawayName = throwaway.name;
    target = { kind: "postgres", url: throwaway.url };
  }
  let connection: DatabaseConnection | null = null;
  try {
    connection = await openDatabase(target);
    await applyPendingMigrations(connection.factory);
    const prisma = adoptDatabase(connection);
    state = { connection, prisma, throwawayName };
    return prisma;
  } catch (error) {
    await connection?.close().catch(() => {});
    if (serverUrl && throwawayName) await dropThrowawayDatabase(serverUrl, throwawayName).catch(() => {});
    throw error;
  }
}

/** Closes the test database and, on PostgreSQL, drops the throwaway database. */
export async function teardownTestDatabase(): Promise<void> {
  const current = state;
  state = null;
  if (!current) return;
  try {
    await disconnectDatabase();
  } finally {
    const serverUrl = testDatabaseServerUrl();
    if (serverUrl && current.throwawayName) await dropThrowawayDatabase(serverUrl, current.throwawayName);
  }
}

/**
 * Registers `beforeAll`/`afterAll` hooks that set up and tear down this file's database.
 * Returns a getter for the Prisma client (available once the hooks have run).
 */
export function registerTestDatabase(): () => PrismaClient {
  beforeAll(setupTestDatabase, TEST_DATABASE_TIMEOUT_MS);
  afterAll(teardownTestDatabase, TEST_DATABASE_TIMEOUT_MS);
  return () => {
    if (!state) throw new Error("the test database is not set up yet (use it inside tests or hooks)");
    return state.prisma;
  };
}

/** Describes the current test database (which kind, and the throwaway name on PostgreSQL). */
export function describeTestDatabase(): { kind: DatabaseTarget["kind"]; throwawayName: string | null } {
  if (!state) throw new Error("the test database is not set up");
  return { kind: state.connection.target.kind, throwawayName: state.throwawayName };
}

/** Empties every table except the migrations log, for tests that need a clean slate. */
export async function truncateAllTables(): Promise<void> {
  if (!state) throw new Error("the test database is not set up");
  const tables = await state.prisma.$queryRaw<{ name: string }[]>`
    select tablename as name from pg_tables
     where schemaname = current_schema() and tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map((table) => quoteIdentifier(table.name)).join(", ");
  await state.prisma.$executeRawUnsafe(`truncate table ${list} restart identity cascade`);
}
