import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  MIGRATION_LOCK_FILE,
  MIGRATION_SCRIPT_FILE,
  listMigrationNames,
  readAppliedMigrations,
  resolveMigrationsDir,
  sha256,
  withQuery,
  type MigrationOptions,
} from "./migration-status";
import { postgresConfigOf } from "./connection";

export * from "./migration-status";

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
  // Checked before taking the lock too, so that up-to-date starts never wait on another node.
  if (await isFullyApplied(factory, migrationsList)) return { applied: [] };

  return withMigrationLock(factory, async () => {
    // Another node may have applied them while this one waited for the lock.
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
  });
}

/**
 * Key of the session-level advisory lock that nodes take to migrate one at a time: any fixed
 * number nothing else uses ("Rapp" in ASCII; Prisma's own migrate command takes 72707369).
 */
export const MIGRATION_LOCK_KEY = 0x52_61_70_70;

/**
 * Runs `run` while holding the migration lock. On PostgreSQL several nodes may start at once, so
 * the lock is taken on a connection of its own, held for the whole of `run` and released by
 * closing that connection (a pooled adapter could take and release it on different connections,
 * which would release nothing). PGlite needs no lock: its data directory is opened by one process.
 */
async function withMigrationLock<T>(factory: SqlMigrationAwareDriverAdapterFactory, run: () => Promise<T>): Promise<T> {
  if (factory.adapterName !== "@prisma/adapter-pg") return run();
  const client = new pg.Client(await postgresConfigOf(factory));
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await run();
  } finally {
    // Ending the session releases its advisory locks, also after a failed migration.
    await client.end();
  }
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
