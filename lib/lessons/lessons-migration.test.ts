import crypto from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { disconnectDatabase, adoptDatabase } from "@/lib/db";
import { openDatabase, type DatabaseConnection } from "@/lib/db/connection";
import { applyPendingMigrations, resolveMigrationsDir } from "@/lib/db/migrations";
import { createThrowawayDatabase, dropThrowawayDatabase, testDatabaseServerUrl, TEST_DATABASE_TIMEOUT_MS } from "@/test/db";
import { getLesson } from "./get-lesson";

/**
 * The lessons migration, run on a database holding lessons written in the columns before it
 * (`title`, `body`): what was written is kept, under `statement` and `elaboration`.
 */
const MIGRATION = "lessons";

let connection: DatabaseConnection;
let throwaway: string | null = null;
let oldMigrationsDir: string;
const id = () => crypto.randomBytes(12).toString("hex");
const workshopId = id();
const lessonId = id();
const viewer = { id: id(), email: "reader@example.test", name: "Reader" };

beforeAll(async () => {
  const serverUrl = testDatabaseServerUrl();
  if (serverUrl) {
    const created = await createThrowawayDatabase(serverUrl);
    throwaway = created.name;
    connection = await openDatabase({ kind: "postgres", url: created.url });
  } else {
    connection = await openDatabase({ kind: "pglite", dataDir: null });
  }
  oldMigrationsDir = await mkdtemp(path.join(os.tmpdir(), "rapporteur-before-lessons-"));
  await cp(resolveMigrationsDir(), oldMigrationsDir, { recursive: true });
  const names = (await readdir(oldMigrationsDir)).sort();
  const cut = names.findIndex((name) => name.endsWith(`_${MIGRATION}`));
  expect(cut).toBeGreaterThan(0);
  for (const name of names.slice(cut)) if (/^\d{14}_/.test(name)) await rm(path.join(oldMigrationsDir, name), { recursive: true });
  await applyPendingMigrations(connection.factory, { migrationsDir: oldMigrationsDir });

  const raw = new PrismaClient({ adapter: connection.factory });
  const exec = (sql: string, ...values: unknown[]) => raw.$executeRawUnsafe(sql, ...values);
  await exec(`INSERT INTO "User" ("id", "email", "name") VALUES ($1, $2, $3)`, viewer.id, viewer.email, viewer.name);
  await exec(`INSERT INTO "Workshop" ("id", "title", "updatedAt") VALUES ($1, 'Before lessons', now())`, workshopId);
  await exec(`INSERT INTO "Membership" ("id", "workshopId", "userId", "role") VALUES ($1, $2, $3, 'PARTICIPANT')`, id(), workshopId, viewer.id);
  await exec(`INSERT INTO "Lesson" ("id", "workshopId", "title", "body", "updatedAt") VALUES ($1, $2, 'Consent faded.', 'It was assumed, not renewed.', now())`, lessonId, workshopId);
  await raw.$disconnect();
  await applyPendingMigrations(connection.factory);
  adoptDatabase(connection);
}, TEST_DATABASE_TIMEOUT_MS);

afterAll(async () => {
  await disconnectDatabase();
  await rm(oldMigrationsDir, { recursive: true, force: true });
  const serverUrl = testDatabaseServerUrl();
  if (serverUrl && throwaway) await dropThrowawayDatabase(serverUrl, throwaway);
}, TEST_DATABASE_TIMEOUT_MS);

describe(`migration ${MIGRATION}`, () => {
  it("keeps what lessons said, as statement and elaboration, and starts every workshop with stances shown and default thresholds", async () => {
    expect(await getLesson({ viewer, workshopId, lessonId })).toMatchObject({
      statement: "Consent faded.",
      elaboration: "It was assumed, not renewed.",
      isEdited: false,
      consensus: { consensus: "none" },
    });
  });
});
