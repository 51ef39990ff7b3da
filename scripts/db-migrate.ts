/**
 * Applies the committed migrations the configured database lacks (like `prisma migrate deploy`).
 *
 *   npm run db:migrate
 *
 * DATABASE_URL selects PostgreSQL; otherwise the PGlite directory under DATA_DIR (default
 * `.data/`). PGlite is single-process: run this with the server stopped.
 */
import { describeDatabaseTarget, openDatabase, resolveDatabaseTarget } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";

async function main(): Promise<void> {
  const target = resolveDatabaseTarget(process.env);
  console.log(`Database: ${describeDatabaseTarget(target)}`);
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
