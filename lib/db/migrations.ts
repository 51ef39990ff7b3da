import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type {
  SqlDriverAdapterFactory,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";

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

interface AppliedMigration {
  name: string;
  checksum: string;
  applied: boolean;
  failed: boolean;
}

/** Absolute path of the migrations directory. */
export function resolveMigrationsDir(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): string {
  return path.resolve(process.cwd(), migrationsDir);
}

/**
 * Reads the migrations directory as the official CLI hands it to the schema engine (lockfile
 * `migration_lock.toml`, directories by bare name, sorted, each with `migration.sql`), so the
 * engine writes the same `_prisma_migrations` rows as `prisma migrate deploy`.
 */
export async function readMigrationsList(migrationsDir: string, shadowDbInitScript = ""): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await readFile(path.join(baseDir, MIGRATION_LOCK_FILE), "utf8").catch(() => null);
  const names = await listMigrationNames(baseDir);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: MIGRATION_SCRIPT_FILE,
        content: await readFile(path.join(baseDir, name, MIGRATION_SCRIPT_FILE), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  return {
    baseDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    shadowDbInitScript,
    migrationDirectories,
  };
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
 * Applies the committed migrations that the database lacks, like `prisma migrate deploy`.
 * When every migration is already applied unchanged, it answers from `_prisma_migrations` without
 * loading the WASM engine, so it is cheap enough for every server start.
 */
export async function applyPendingMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  options: MigrationOptions = {},
): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(resolveMigrationsDir(options.migrationsDir));
  if (await isFullyApplied(factory, migrationsList)) return { applied: [] };

  // Imported only when there is work, so the health check and up-to-date starts never load it.
  const { NO_SCHEMA_FILTER, openSchemaEngine } = await import("./schema-engine");
  const session = await openSchemaEngine(factory);
  try {
    const { appliedMigrationNames } = await session.engine.applyMigrations({
      migrationsList,
      filters: NO_SCHEMA_FILTER,
    });
    return { applied: appliedMigrationNames };
  } finally {
    await session.close();
  }
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

/** The engine would have nothing to do: no failed row, every script applied with its checksum. */
async function isFullyApplied(factory: SqlDriverAdapterFactory, list: MigrationList): Promise<boolean> {
  const rows = await withQuery(factory, readAppliedMigrations);
  if (rows.some((row) => row.failed)) return false;
  const applied = new Map(rows.filter((row) => row.applied).map((row) => [row.name, row.checksum]));
  return list.migrationDirectories.every(({ path: name, migrationFile: { content } }) => {
    return content.tag === "ok" && applied.get(name) === sha256(content.value);
  });
}

async function readAppliedMigrations(query: SqlQuery): Promise<AppliedMigration[]> {
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

async function withQuery<T>(
  source: SqlQuery | SqlDriverAdapterFactory,
  use: (query: SqlQuery) => Promise<T>,
): Promise<T> {
  if (typeof source === "function") return use(source);
  const adapter = await source.connect();
  try {
    return await use(async (sql) => {
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
