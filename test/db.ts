import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { disconnectDatabase, adoptDatabase, type PrismaClient } from "@/lib/db";
import { openDatabase, type DatabaseConnection, type DatabaseTarget } from "@/lib/db/connection";
import { applyPendingMigrations } from "@/lib/db/migrations";

/**
 * Integration-test databases. Each test file (vitest runs every file in its own process) gets
 * a fresh, migrated database:
 * - by default an in-memory PGlite;
 * - with TEST_DATABASE_URL set, a throwaway database `rapporteur_t_<random>` created on that
 *   PostgreSQL server and dropped again in teardown.
 */

const THROWAWAY_PREFIX = "rapporteur_t_";
const THROWAWAY_COMMENT = "rapporteur test database created at ";
/** Throwaway databases left by crashed runs are dropped once older than this. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
/** Opening PGlite and running the WASM schema engine take seconds on a slow machine. */
export const TEST_DATABASE_TIMEOUT_MS = 120_000;

interface TestDatabaseState {
  connection: DatabaseConnection;
  prisma: PrismaClient;
  /** Name of the throwaway PostgreSQL database, null for PGlite. */
  throwawayName: string | null;
}

let state: TestDatabaseState | null = null;

/** The PostgreSQL server to create throwaway databases on, or null for in-memory PGlite. */
export function testDatabaseServerUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.TEST_DATABASE_URL?.trim() || null;
}

async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Drops throwaway databases that crashed runs left behind (judged by their creation comment). */
async function dropStaleThrowawayDatabases(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string; comment: string | null }>(
    `select d.datname as name, shobj_description(d.oid, 'pg_database') as comment
       from pg_database d where d.datname like $1`,
    [`${THROWAWAY_PREFIX}%`],
  );
  for (const row of rows) {
    const createdAt = Date.parse(row.comment?.startsWith(THROWAWAY_COMMENT) ? row.comment.slice(THROWAWAY_COMMENT.length) : "");
    if (Number.isNaN(createdAt) || Date.now() - createdAt < STALE_AFTER_MS) continue;
    await client.query(`drop database if exists ${quoteIdentifier(row.name)} with (force)`).catch(() => {});
  }
}

/** Creates an empty database `rapporteur_t_<random>` on the server; returns its name and URL. */
export async function createThrowawayDatabase(serverUrl: string): Promise<{ name: string; url: string }> {
  const name = `${THROWAWAY_PREFIX}${crypto.randomBytes(8).toString("hex")}`;
  await withAdminClient(serverUrl, async (client) => {
    await dropStaleThrowawayDatabases(client);
    await client.query(`create database ${quoteIdentifier(name)}`);
    await client.query(`comment on database ${quoteIdentifier(name)} is '${THROWAWAY_COMMENT}${new Date().toISOString()}'`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drops a throwaway database, closing any connection still open to it. */
export async function dropThrowawayDatabase(serverUrl: string, name: string): Promise<void> {
  if (!name.startsWith(THROWAWAY_PREFIX)) throw new Error(`refusing to drop ${name}: not a test database`);
  await withAdminClient(serverUrl, (client) => client.query(`drop database if exists ${quoteIdentifier(name)} with (force)`));
}

/**
 * Opens a fresh database for the calling test file, applies the migrations, makes it the
 * process-wide Prisma client (what `getPrisma()` returns) and returns that client.
 * Call it from `beforeAll` (or use `registerTestDatabase()`); pair it with `teardownTestDatabase()`.
 */
export async function setupTestDatabase(): Promise<PrismaClient> {
  if (state) throw new Error("setupTestDatabase() was already called in this file; call teardownTestDatabase() first");
  const serverUrl = testDatabaseServerUrl();
  let throwawayName: string | null = null;
  let target: DatabaseTarget = { kind: "pglite", dataDir: null };
  if (serverUrl) {
    const throwaway = await createThrowawayDatabase(serverUrl);
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
