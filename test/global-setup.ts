import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/db/connection";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { createThrowawayDatabase, dropThrowawayDatabase, testDatabaseServerUrl, withAdminClient } from "./db-server";

/**
 * Migrates one database before any test file runs, so that each file starts from a copy of it
 * instead of running every migration again (on PGlite, starting an empty database and migrating
 * it took most of a small file's time):
 * - PGlite: a dump of a migrated in-memory database, in a temporary file;
 * - PostgreSQL: a migrated throwaway database that each file's database is created from
 *   (`create database … template …`).
 * test/db.ts falls back to migrating from scratch when neither was provided.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = testDatabaseServerUrl();
  if (serverUrl) {
    const template = await createThrowawayDatabase(serverUrl);
    const connection = await openDatabase({ kind: "postgres", url: template.url });
    await applyPendingMigrations(connection.factory);
    await connection.close();
    // A database is copied only while nobody is connected to it: close what the pool kept.
    await withAdminClient(serverUrl, (client) =>
      client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [template.name]),
    );
    project.provide("migratedTemplateDatabase", template.name);
    return () => dropThrowawayDatabase(serverUrl, template.name);
  }

  const connection = await openDatabase({ kind: "pglite", dataDir: null });
  await applyPendingMigrations(connection.factory);
  const dump = await connection.dump!();
  await connection.close();
  const dumpFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-test-")), "migrated-pglite.tar");
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide("migratedPgliteDump", dumpFile);
  return async () => fs.rmSync(path.dirname(dumpFile), { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    /** File holding a dump of a migrated in-memory PGlite (PGlite runs only). */
    migratedPgliteDump?: string;
    /** Name of a migrated database on TEST_DATABASE_URL's server (PostgreSQL runs only). */
    migratedTemplateDatabase?: string;
  }
}
