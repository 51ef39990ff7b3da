import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { postgresConfigOf } from "./connection";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };

/** No externally managed tables or enums: every object belongs to the Prisma schema. */
export const NO_SCHEMA_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** A Prisma schema file as the engine takes it: its path and its content. */
export type SchemaFile = [path: string, content: string];

/** A running WASM schema engine and the connections it opened. */
export interface SchemaEngineSession {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened (pools, shadow databases). */
  close(): Promise<void>;
}

export interface SchemaEngineOptions {
  /** The schema to migrate to; only commands that read it (createMigration, diff) need it. */
  schemaFiles?: SchemaFile[];
  /** Receives the engine's log lines (JSON). */
  log?: (line: string) => void;
}

type TrackingFactory = SqlMigrationAwareDriverAdapterFactory & { disposeAll(): Promise<void> };
type ScriptRunner = (script: string) => Promise<unknown>;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

let wasmLoaded: Promise<void> | undefined;
let emptyDataDir: Promise<Blob> | undefined;

/**
 * Starts the WASM schema engine on a driver adapter factory (PGlite or @prisma/adapter-pg).
 * The engine gets connections of its own (see `forMigrations`); the caller's factory is not modified.
 */
export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  options: SchemaEngineOptions = {},
): Promise<SchemaEngineSession> {
  await loadWasm();
  const migrationFactory = await forMigrations(factory);
  const bound = bindMigrationAwareSqlAdapterFactory(migrationFactory);
  const datamodels = options.schemaFiles?.length ? options.schemaFiles : undefined;
  try {
    const engine = await glue.SchemaEngine.new({ datamodels }, options.log ?? (() => {}), bound);
    return {
      engine,
      close: async () => {
        engine.free();
        await migrationFactory.disposeAll();
      },
    };
  } catch (error) {
    await migrationFactory.disposeAll();
    throw error;
  }
}

/** Node 20 cannot import a `.wasm` module, so the package's entry point is rebuilt by hand. */
function loadWasm(): Promise<void> {
  wasmLoaded ??= instantiateWasm().catch((error: unknown) => {
    wasmLoaded = undefined;
    throw error;
  });
  return wasmLoaded;
}

async function instantiateWasm(): Promise<void> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const imports = { "./schema_engine_bg.js": withUnrefTimers(glue as unknown as WebAssembly.ModuleImports) };
  const { instance } = await WebAssembly.instantiate(bytes, imports);
  // The glue reports Rust panics to this global; without it a panic turns into a TypeError.
  const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  globals.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => console.error(message) };
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
}

/**
 * The engine cannot cancel a timer (the glue imports no clearTimeout): every command leaves a
 * 10 s timeout behind that would hold a script open. Pending database I/O keeps the process alive.
 */
function withUnrefTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const patched = { ...imports };
  for (const name of Object.keys(patched).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    patched[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return patched;
}

/**
 * Wraps the factory with connections fit for the engine. Both adapters run a migration script
 * in ways that lose it: adapter-pg splits it on every ";" (even inside strings), and the PGlite
 * adapter does not await it (a failing migration is recorded as applied). Scripts therefore go
 * to the driver as one simple query, which PostgreSQL runs as one implicit transaction.
 */
async function forMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<TrackingFactory> {
  if (factory.adapterName === "@prisma/adapter-pg") {
    const config = await postgresConfigOf(factory);
    return tracking(factory, () => pgAdapter(config), () => pgShadowAdapter(config));
  }
  const pglite = pgliteOf(factory);
  if (pglite) {
    const connect = async () => withScriptRunner(await factory.connect(), (script) => pglite.exec(script));
    return tracking(factory, connect, pgliteShadowAdapter);
  }
  return tracking(factory, () => factory.connect(), () => factory.connectToShadowDb());
}

function tracking(
  factory: SqlMigrationAwareDriverAdapterFactory,
  connect: () => Promise<SqlDriverAdapter>,
  connectToShadowDb: () => Promise<SqlDriverAdapter>,
): TrackingFactory {
  const opened: SqlDriverAdapter[] = [];
  const track = async (open: () => Promise<SqlDriverAdapter>) => {
    const adapter = disposingOnce(await open());
    opened.push(adapter);
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(connect),
    connectToShadowDb: () => track(connectToShadowDb),
    disposeAll: async () => {
      await Promise.allSettled(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

async function pgAdapter(config: pg.PoolConfig): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ ...config, Client: CharAsTextClient });
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  return withScriptRunner(adapter, (script) => pool.query(script));
}

/** Creates a throwaway database; drops it only after its pool has ended (FORCE for stragglers). */
async function pgShadowAdapter(config: pg.PoolConfig): Promise<SqlDriverAdapter> {
  const database = `prisma_migrate_shadow_db_${randomUUID()}`;
  await onMainDatabase(config, `CREATE DATABASE "${database}"`);
  const adapter = await pgAdapter({ ...config, database });
  return delegate(adapter, {
    dispose: async () => {
      await adapter.dispose();
      await onMainDatabase(config, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch((error: Error) =>
        process.emitWarning(`Could not drop shadow database ${database}: ${error.message}`),
      );
    },
  });
}

async function onMainDatabase(config: pg.PoolConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function pgliteShadowAdapter(): Promise<SqlDriverAdapter> {
  const shadow = await emptyPGlite();
  const adapter = withScriptRunner(await new PrismaPGlite(shadow).connect(), (script) => shadow.exec(script));
  return delegate(adapter, { dispose: () => shadow.close() });
}

/**
 * initdb dominates PGlite's start (~3 s); later shadows load a copy of the first one's files.
 * The shadow loads the same extensions as the app's database (pg_trgm), or migrations that
 * create them could not be replayed on it.
 */
async function emptyPGlite(): Promise<PGlite> {
  if (emptyDataDir) return PGlite.create({ loadDataDir: await emptyDataDir, extensions: { pg_trgm } });
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  emptyDataDir = pglite.dumpDataDir("none");
  await emptyDataDir;
  return pglite;
}

function pgliteOf(factory: SqlMigrationAwareDriverAdapterFactory): PGlite | undefined {
  if (factory.adapterName !== "pglite-prisma-adapter") return undefined;
  const client = (factory as unknown as { client?: unknown }).client;
  return client instanceof PGlite ? client : undefined;
}

/**
 * adapter-pg rejects pg's internal `"char"` type (OID 18), which the schema describer reads from
 * the catalogs; reporting it as text is harmless there. Only the engine's own pools use this class.
 */
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg.Client#query has many overloads
  override query(...args: any[]): any {
    const last: unknown = args.at(-1);
    const query = super.query as (...a: unknown[]) => unknown;
    if (typeof last === "function") {
      args[args.length - 1] = (error: Error | null, result: unknown) => last(error, result && charAsText(result));
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    return result instanceof Promise ? result.then(charAsText) : result;
  }
}

function charAsText<T>(result: T): T {
  for (const { fields } of ([] as unknown[]).concat(result) as Partial<pg.QueryResult>[]) {
    for (const field of fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

function withScriptRunner(adapter: SqlDriverAdapter, run: ScriptRunner): SqlDriverAdapter {
  const executeScript = async (script: string) => {
    await run(script).catch((error: unknown) => Promise.reject(asDriverAdapterError(error)));
  };
  return delegate(adapter, { executeScript });
}

function disposingOnce(adapter: SqlDriverAdapter): SqlDriverAdapter {
  let disposed: Promise<void> | undefined;
  return delegate(adapter, { dispose: () => (disposed ??= adapter.dispose()) });
}

function delegate(adapter: SqlDriverAdapter, overrides: Partial<SqlDriverAdapter>): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo ? () => adapter.getConnectionInfo!() : undefined,
    dispose: () => adapter.dispose(),
    ...overrides,
  };
}

/** Lets the engine record PostgreSQL's own message in `_prisma_migrations.logs`. */
function asDriverAdapterError(error: unknown): unknown {
  if (error instanceof DriverAdapterError || !(error instanceof Error)) return error;
  type DatabaseError = Error & Partial<Record<"code" | "severity" | "detail" | "column" | "hint", string>>;
  const { code = "N/A", severity = "ERROR", message, detail, column, hint } = error as DatabaseError;
  return new DriverAdapterError({ kind: "postgres", code, severity, message, detail, column, hint });
}
