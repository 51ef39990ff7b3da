import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// What can be known about migrations without the WASM schema engine: cheap enough for
// /api/health and for every server start. Applying them lives in ./migrations.ts.

/** Where committed migrations live, relative to the project root (process.cwd()). */
export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";
/** The lockfile and script names of the official Prisma CLI. */
export const MIGRATION_LOCK_FILE = "migration_lock.toml";
export const MIGRATION_SCRIPT_FILE = "migration.sql";

/** Runs one SQL query without parameters and returns its rows keyed by column name. */
export type SqlQuery = (sql: string) => Promise<Record<string, unknown>[]>;

export interface MigrationOptions {
  /** Defaults to `prisma/migrations` under process.cwd(). */
  migrationsDir?: string;
}

export interface MigrationStatus {
  upToDate: boolean;
  /** Committed migrations without a finished, not rolled back row in `_prisma_migrations`. */
  pending: string[];
}

export interface AppliedMigration {
  name: string;
  checksum: string;
  applied: boolean;
  failed: boolean;
}

/** Absolute path of the migrations directory. */
export function resolveMigrationsDir(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), migrationsDir);
}

/** Names of the migration directories, in the order the CLI applies them. */
export async function listMigrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

/**
 * Compares the migration directories with the `_prisma_migrations` rows, without the engine.
 * `source` is either a function running raw SQL (e.g. `(sql) => prisma.$queryRawUnsafe(sql)`,
 * which reuses the app's connection) or a driver adapter factory (opens and closes a connection).
 */
export async function getMigrationStatus(
  source: SqlQuery | SqlDriverAdapterFactory,
  options: MigrationOptions = {},
): Promise<MigrationStatus> {
  const names = await listMigrationNames(resolveMigrationsDir(options.migrationsDir));
  const rows = await withQuery(source, readAppliedMigrations);
  const applied = new Set(rows.filter((row) => row.applied).map((row) => row.name));
  const pending = names.filter((name) => !applied.has(name));
  return { upToDate: pending.length === 0, pending };
}

export async function readAppliedMigrations(query: SqlQuery): Promise<AppliedMigration[]> {
  const [table] = await query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
  if (!table?.exists) return [];
  const rows = await query(
    `SELECT "migration_name" AS "name", "checksum",
            ("finished_at" IS NOT NULL AND "rolled_back_at" IS NULL) AS "applied",
            ("finished_at" IS NULL AND "rolled_back_at" IS NULL) AS "failed"
       FROM "_prisma_migrations"`,
  );
  return rows.map((row) => ({
    name: String(row.name),
    checksum: String(row.checksum),
    applied: row.applied === true,
    failed: row.failed === true,
  }));
}

export async function withQuery<T>(
  source: SqlQuery | SqlDriverAdapterFactory,
  run: (query: SqlQuery) => Promise<T>,
): Promise<T> {
  if (typeof source === "function") return run(source);
  const adapter = await source.connect();
  try {
    return await run(async (sql) => {
      const result = await adapter.queryRaw({ sql, args: [], argTypes: [] });
      return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, i) => [name, row[i]])));
    });
  } finally {
    await adapter.dispose();
  }
}

/** The checksum the schema engine stores for a migration script. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
