/**
 * Applies the committed migrations the configured database lacks (like `prisma migrate deploy`).
 *
 *   npm run db:migrate
 *
 * DATABASE_URL selects PostgreSQL; otherwise the PGlite directory under DATA_DIR (default
 * `.data/`). PGlite is single-process: run this with the server stopped.
 */
import { openDatabase, resolveDatabaseTarget, type DatabaseTarget } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";

async function main(): Promise<void> {
  const target = resolveDatabaseTarget(process.env);
  console.log(`Database: ${describe(target)}`);
  const db = await openDatabase(target);
  try {
    const started = performance.now();
    const { applied } = await applyPendingMigrations(db.factory);
    const elapsed = Math.round(performance.now() - started);
    if (applied.length === 0) console.log(`Already up to date (${elapsed} ms).`);
    for (const name of applied) console.log(`Applied ${name}`);
    if (applied.length) console.log(`${applied.length} migration(s) applied in ${elapsed} ms.`);
  } finally {
    await db.close();
  }
}

function describe(target: DatabaseTarget): string {
  if (target.kind === "pglite") return target.dataDir ? `PGlite at ${target.dataDir}` : "in-memory PGlite";
  const url = new URL(target.url);
  url.password = "";
  return `PostgreSQL ${url.toString()}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
