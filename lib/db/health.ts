import "server-only";
import { connectDatabase } from "@/lib/db";
import { getMigrationStatus } from "@/lib/db/migration-status";

type MigrationStatus = Awaited<ReturnType<typeof getMigrationStatus>>;

// Once the schema is current it stays so for this process (migrations run at start, before it
// serves), so the migration-status query runs until it first says so, then never again: a load
// balancer polling /api/health costs one `SELECT 1`. On globalThis: Next may load this twice.
const holder = globalThis as typeof globalThis & { __rapporteurSchemaCurrent?: MigrationStatus };

/** What /api/health reports: which database, and whether its schema is current. */
export async function getDatabaseHealth() {
  const { connection, prisma } = await connectDatabase();
  await prisma.$queryRaw`SELECT 1`;
  const status = holder.__rapporteurSchemaCurrent ?? (await getMigrationStatus((sql) => prisma.$queryRawUnsafe(sql)));
  if (status.upToDate) holder.__rapporteurSchemaCurrent = status;
  return { database: connection.target.kind, migrationsUpToDate: status.upToDate, pendingMigrations: status.pending };
}
