/**
 * The demo workshop in a database that the built app then serves (bench/support/app-server.ts),
 * with session cookies made directly in the database, so that HTTP and socket benches are signed
 * in without a browser: Amina (a participant of the demo workshop) and `extraMembers` more
 * participants, one session each.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { openDatabase, type DatabaseTarget } from "../../lib/db/connection";
import { applyPendingMigrations } from "../../lib/db/migrations";
import { adoptDatabase, disconnectDatabase } from "../../lib/db";
import { seedDemoWorkshop } from "../../lib/demo/seed-demo";
import { createThrowawayDatabase, dropThrowawayDatabase } from "../../test/db-server";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const COOKIE = "next-auth.session-token";

export type AppDatabase = "pglite" | "postgres";

export interface SeededApp {
  /** For startServer: the data directory (PGlite lives in its `pglite/`) and env overrides. */
  dataDir: string;
  serverEnv: Record<string, string>;
  workshopId: string;
  /** The first source of the workshop (the reader page). */
  sourceId: string;
  /** `next-auth.session-token=…` of Amina, a participant. */
  cookie: string;
  /** One cookie per extra participant. */
  memberCookies: string[];
  dispose(): Promise<void>;
}

/** The databases to measure: PGlite always, PostgreSQL when BENCH_DATABASE_URL names a server. */
export function appDatabases(): AppDatabase[] {
  return process.env.BENCH_DATABASE_URL?.trim() ? ["pglite", "postgres"] : ["pglite"];
}

export async function seedApp(database: AppDatabase, extraMembers = 0): Promise<SeededApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-bench-"));
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim() ?? "";
  const throwaway = database === "postgres" ? await createThrowawayDatabase(serverUrl) : null;
  const dispose = async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (throwaway) await dropThrowawayDatabase(serverUrl, throwaway.name);
  };
  // Where the server looks (lib/db/connection.ts resolveDatabaseTarget): DATABASE_URL, else DATA_DIR/pglite.
  const target: DatabaseTarget = throwaway ? { kind: "postgres", url: throwaway.url } : { kind: "pglite", dataDir: path.join(dataDir, "pglite") };
  try {
    const connection = await openDatabase(target);
    try {
      await applyPendingMigrations(connection.factory);
      const db = adoptDatabase(connection);
      await seedDemoWorkshop(db, path.join(ROOT, "prisma/seed/corpus"));
      const workshop = await db.workshop.findFirstOrThrow({ where: { isDemo: true }, include: { sources: { orderBy: { position: "asc" } } } });
      const amina = await db.user.findUniqueOrThrow({ where: { email: "amina@demo.rapporteur.test" } });
      const extra = await db.user.createManyAndReturn({
        data: Array.from({ length: extraMembers }, (_, i) => ({ email: `bench-${i}@bench.test`, name: `Bench ${i}` })),
      });
      await db.membership.createMany({ data: extra.map((user) => ({ workshopId: workshop.id, userId: user.id, role: "PARTICIPANT" as const })) });
      const expires = new Date(Date.now() + 24 * 60 * 60 * 1000);
      const sessions = [amina, ...extra].map((user) => ({ userId: user.id, sessionToken: crypto.randomBytes(32).toString("hex"), expires }));
      await db.session.createMany({ data: sessions });
      const [own, ...others] = sessions.map((session) => `${COOKIE}=${session.sessionToken}`);
      return {
        dataDir,
        serverEnv: throwaway ? { DATABASE_URL: throwaway.url } : {},
        workshopId: workshop.id,
        sourceId: workshop.sources[0]!.id,
        cookie: own!,
        memberCookies: others,
        dispose,
      };
    } finally {
      await disconnectDatabase();
    }
  } catch (error) {
    await dispose();
    throw error;
  }
}
