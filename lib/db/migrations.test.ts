import { createHash, randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, postgresPoolConfig, type DatabaseConnection } from "./connection";
import {
  MIGRATION_LOCK_KEY,
  applyPendingMigrations,
  getMigrationStatus,
  listMigrationNames,
  readMigrationsList,
  resolveMigrationsDir,
  type SqlQuery,
} from "./migrations";
import { NO_SCHEMA_FILTER, openSchemaEngine } from "./schema-engine";

const SETUP_TIMEOUT_MS = 120_000;
const migrationsDir = resolveMigrationsDir();
const serverUrl = process.env.TEST_DATABASE_URL?.trim();

/** A database for one backend, and how to get rid of it. */
interface TestDatabase {
  connection: DatabaseConnection;
  dispose(): Promise<void>;
}

// `npm test` runs the suite twice: on in-memory PGlite, then with TEST_DATABASE_URL on PostgreSQL.
if (serverUrl) {
  describe("migrations on PostgreSQL (TEST_DATABASE_URL)", () => {
    defineMigrationTests(() => createThrowawayDatabase(serverUrl), { engineChecks: true });
  });

  // PGlite has no counterpart: one process opens its data directory.
  describe("two nodes starting at once on PostgreSQL", () => {
    let db: TestDatabase;
    let otherNode: DatabaseConnection;

    beforeAll(async () => {
      db = await createThrowawayDatabase(serverUrl);
      otherNode = await openDatabase(db.connection.target);
    }, SETUP_TIMEOUT_MS);
    afterAll(async () => {
      await otherNode?.close();
      await db?.dispose();
    });

    it("applies each migration once, both starts succeeding", async () => {
      const names = await listMigrationNames(migrationsDir);
      const results = await Promise.all([
        applyPendingMigrations(db.connection.factory),
        applyPendingMigrations(otherNode.factory),
      ]);
      // One node applied everything; the other found it done once it had the lock.
      expect(results.map((result) => result.applied.length).sort((a, b) => a - b)).toEqual([0, names.length]);
      const rows = await queryThrough(db.connection)(
        `SELECT migration_name, count(*)::int AS "rows", bool_and(finished_at IS NOT NULL AND rolled_back_at IS NULL) AS applied
           FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name`,
      );
      expect(rows).toEqual(names.map((name) => ({ migration_name: name, rows: 1, applied: true })));
    }, SETUP_TIMEOUT_MS);

    // The engine takes a lock of its own around applying (which alone keeps the test above from
    // failing without ours), but gives up after seconds and does not cover our check: this test
    // shows that a node waits, touching nothing, while another holds the migration lock.
    it("waits, touching nothing, while another node holds the migration lock", async () => {
      const fresh = await createThrowawayDatabase(serverUrl);
      const holder = new pg.Client(postgresPoolConfig(fresh.url));
      await holder.connect();
      try {
        await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        let settled = false;
        const waiting = applyPendingMigrations(fresh.connection.factory).finally(() => (settled = true));
        await expect
          .poll(async () => {
            const { rows } = await holder.query<{ waiting: number }>(
              `SELECT count(*)::int AS waiting FROM pg_locks
                WHERE locktype = 'advisory' AND NOT granted AND classid = 0 AND objid = $1`,
              [MIGRATION_LOCK_KEY],
            );
            return rows[0]!.waiting;
          }, { timeout: 30_000 })
          .toBe(1);
        expect(settled).toBe(false);
        const { rows } = await holder.query(`SELECT to_regclass('"_prisma_migrations"') IS NULL AS untouched`);
        expect(rows).toEqual([{ untouched: true }]);

        // The other node lets go (as it would once done); this one proceeds.
        await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
        expect((await waiting).applied).toEqual(await listMigrationNames(migrationsDir));
      } finally {
        await holder.end();
        await fresh.dispose();
      }
    }, SETUP_TIMEOUT_MS);
  });
} else {
  describe("migrations on in-memory PGlite", () => {
    defineMigrationTests(async () => {
      const connection = await openDatabase({ kind: "pglite", dataDir: null });
      return { connection, dispose: () => connection.close() };
    }, { engineChecks: false });
  });
}

/**
 * `engineChecks` runs the engine's describer and shadow database, which adapter-pg needs
 * workarounds for; on PGlite it only costs time (db:migration:create exercises it there).
 */
function defineMigrationTests(open: () => Promise<TestDatabase>, { engineChecks }: { engineChecks: boolean }): void {
  let db: TestDatabase;
  let query: SqlQuery;
  let names: string[];

  beforeAll(async () => {
    db = await open();
    query = queryThrough(db.connection);
    names = await listMigrationNames(migrationsDir);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => db?.dispose());

  it("applies every committed migration to a fresh database", async () => {
    expect(names.length).toBeGreaterThan(0);
    const { applied, ms } = await timed(() => applyPendingMigrations(db.connection.factory));
    console.info(`${db.connection.target.kind}: fresh database migrated in ${ms} ms`);
    expect(applied).toEqual(names);

    const schema = await readFile(path.resolve("prisma/schema.prisma"), "utf8");
    const tables = await column(query, `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public'`);
    const enums = await column(query, `SELECT typname::text AS name FROM pg_type WHERE typtype = 'e'`);
    expect(tables).toEqual(expect.arrayContaining([...declared(schema, "model"), "_prisma_migrations"]));
    expect(enums).toEqual(expect.arrayContaining(declared(schema, "enum")));
  }, SETUP_TIMEOUT_MS);

  it("records one finished row per migration with the script's sha256, as the CLI does", async () => {
    const rows = await query(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished,
              rolled_back_at IS NULL AS live, applied_steps_count
         FROM _prisma_migrations ORDER BY started_at`,
    );
    const expected = await Promise.all(
      names.map(async (name) => ({
        migration_name: name,
        checksum: sha256(await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8")),
        finished: true,
        live: true,
        applied_steps_count: 1,
      })),
    );
    expect(rows).toEqual(expected);
  });

  it("applies nothing the second time, quickly", async () => {
    const { applied, ms } = await timed(() => applyPendingMigrations(db.connection.factory));
    console.info(`${db.connection.target.kind}: up-to-date database checked in ${ms} ms`);
    expect(applied).toEqual([]);
  });

  it("reports the database up to date, through a query function or a factory", async () => {
    expect(await getMigrationStatus(query)).toEqual({ upToDate: true, pending: [] });
    expect(await getMigrationStatus(db.connection.factory)).toEqual({ upToDate: true, pending: [] });
  });

  it("reports a migration as pending when its row is missing", async () => {
    const last = names.at(-1)!;
    const rename = (from: string, to: string) =>
      query(`UPDATE _prisma_migrations SET migration_name = '${to}' WHERE migration_name = '${from}' RETURNING 1`);
    await rename(last, `${last}_hidden`);
    try {
      expect(await getMigrationStatus(query)).toEqual({ upToDate: false, pending: [last] });
    } finally {
      await rename(`${last}_hidden`, last);
    }
  });

  if (engineChecks) {
    it("lets the engine describe the database and use a shadow database", async () => {
      const session = await openSchemaEngine(db.connection.factory);
      try {
        const migrationsList = await readMigrationsList(migrationsDir);
        const { action } = await session.engine.devDiagnostic({ migrationsList, filters: NO_SCHEMA_FILTER });
        expect(action).toEqual({ tag: "createMigration" });
      } finally {
        await session.close();
      }
    }, SETUP_TIMEOUT_MS);
  }

  describe("with extra migrations", () => {
    let extraDir: string;

    beforeAll(async () => {
      extraDir = await mkdtemp(path.join(os.tmpdir(), "rapporteur-migrations-"));
      await cp(migrationsDir, extraDir, { recursive: true });
    });
    afterAll(() => rm(extraDir, { recursive: true, force: true }));

    const applyExtra = () => applyPendingMigrations(db.connection.factory, { migrationsDir: extraDir });

    it("runs a script whole: semicolons inside strings survive", async () => {
      const name = "29990101000000_probe";
      await addMigration(extraDir, name, `CREATE TABLE "MigrationProbe" ("note" TEXT NOT NULL DEFAULT 'a;b');\n`);
      expect(await applyExtra()).toEqual({ applied: [name] });
      const [row] = await query(`INSERT INTO "MigrationProbe" DEFAULT VALUES RETURNING "note"`);
      expect(row?.note).toBe("a;b");
    });

    it("records a failing migration as failed, applies none of it and refuses to go on", async () => {
      const name = "29990101000001_broken";
      await addMigration(extraDir, name, `CREATE TABLE "HalfDone" ("id" INTEGER);\nSELECT 1/0;\n`);
      await expect(applyExtra()).rejects.toThrow();

      const [row] = await query(
        `SELECT finished_at IS NULL AS unfinished, logs FROM _prisma_migrations WHERE migration_name = '${name}'`,
      );
      expect(row?.unfinished).toBe(true);
      expect(String(row?.logs)).toMatch(/division by zero/);
      const [halfDone] = await query(`SELECT to_regclass('"HalfDone"') IS NULL AS "absent"`);
      expect(halfDone?.absent).toBe(true);
      const status = await getMigrationStatus(query, { migrationsDir: extraDir });
      expect(status).toEqual({ upToDate: false, pending: [name] });
      await expect(applyExtra()).rejects.toThrow(name);
    });
  });
}

/** Runs SQL on a connection of the database's own factory (pools are closed after each query). */
function queryThrough(connection: DatabaseConnection): SqlQuery {
  return async (sql) => {
    const adapter = await connection.factory.connect();
    try {
      const { columnNames, rows } = await adapter.queryRaw({ sql, args: [], argTypes: [] });
      return rows.map((row) => Object.fromEntries(columnNames.map((name, i) => [name, row[i]])));
    } finally {
      await adapter.dispose();
    }
  };
}

async function createThrowawayDatabase(url: string): Promise<TestDatabase & { url: string }> {
  const name = `rapporteur_migtest_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client(postgresPoolConfig(url));
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const connection = await openDatabase({ kind: "postgres", url: dbUrl.toString() });
  return {
    url: dbUrl.toString(),
    connection,
    dispose: async () => {
      await connection.close();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql, "utf8");
}

async function column(query: SqlQuery, sql: string): Promise<string[]> {
  return (await query(sql)).map((row) => String(row.name));
}

/** The tables (or types) the schema declares: a block's @@map name, else its own. */
function declared(schema: string, keyword: "model" | "enum"): string[] {
  return [...schema.matchAll(new RegExp(`^${keyword}\\s+(\\w+)\\s*\\{([^}]*)\\}`, "gm"))].map(
    (match) => /@@map\("([^"]+)"\)/.exec(match[2]!)?.[1] ?? match[1]!,
  );
}

async function timed<T extends object>(run: () => Promise<T>): Promise<T & { ms: number }> {
  const started = performance.now();
  const result = await run();
  return { ...result, ms: Math.round(performance.now() - started) };
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
