import path from "node:path";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/** Where the data lives: an embedded PGlite directory (or memory), or a PostgreSQL server. */
export type DatabaseTarget =
  /**
   * `startFrom`: a new database begins as this dump (tests start from a migrated one); a data
   * directory that already holds a database ignores it.
   */
  | { kind: "pglite"; dataDir: string | null; startFrom?: Blob }
  | { kind: "postgres"; url: string };

export interface DatabaseConnection {
  target: DatabaseTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
  /** PGlite only: the whole database as one file, to start another in-memory one from. */
  dump?(): Promise<Blob>;
}

/** Reads DATABASE_URL: unset means embedded PGlite under DATA_DIR (default `.data/`). */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || ".data");
  return { kind: "pglite", dataDir: path.join(dataDir, "pglite") };
}

/**
 * PostgreSQL connection settings as discrete fields. @prisma/adapter-pg derives its shadow
 * database from these; given a connection string it would silently use the main database.
 */
export function postgresPoolConfig(url: string) {
  const parsed = new URL(url);
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  return {
    host: decodeURIComponent(parsed.hostname) || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || undefined,
    max: Number(parsed.searchParams.get("connection_limit") ?? 10),
  };
}

/** Where a target points, for people reading a script's output (never the password). */
export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return target.dataDir ? `PGlite at ${target.dataDir}` : "in-memory PGlite";
  const url = new URL(target.url);
  url.password = "";
  return `PostgreSQL ${url.toString()}`;
}

/** Opens the database. PGlite is single-process: open one data directory once per process. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseConnection> {
  if (target.kind === "postgres") {
    const factory = new PrismaPg(postgresPoolConfig(target.url));
    return { target, factory, close: async () => {} };
  }
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
  // PGlite refuses to load a dump over an existing database: only a new one starts from it.
  const isNew = !target.dataDir || !fs.existsSync(path.join(target.dataDir, "PG_VERSION"));
  // pg_trgm: lexical similarity of lessons (lib/lessons/similar-lessons.ts); PostgreSQL ships it too.
  const options = { extensions: { pg_trgm }, loadDataDir: isNew ? target.startFrom : undefined };
  const pglite = target.dataDir ? new PGlite(target.dataDir, options) : new PGlite(options);
  await pglite.waitReady;
  return {
    target,
    factory: new PrismaPGlite(pglite),
    close: () => pglite.close(),
    dump: () => pglite.dumpDataDir("none"),
  };
}

/**
 * The pg settings behind a PrismaPg factory, for connections of our own beside Prisma's (the
 * schema engine's pools, the migration lock). The PrismaPg config is private; a connection's
 * pool shows it.
 */
export async function postgresConfigOf(factory: SqlMigrationAwareDriverAdapterFactory): Promise<pg.PoolConfig> {
  const probe = await factory.connect();
  const pool = (probe as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  const config: pg.PoolConfig = { ...pool.options };
  await probe.dispose();
  if (config.connectionString) {
    // Its shadow database would be the main database: pg lets the string override `database`.
    throw new Error("Migrations need PrismaPg built from host/port/user/password/database, not connectionString");
  }
  return config;
}
