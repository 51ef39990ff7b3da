import "server-only";
import { connectDatabase } from "@/lib/db";
import { getMigrationStatus } from "@/lib/db/migration-status";

/** What /api/health reports: which database, and whether its schema is current. */
export async function getDatabaseHealth() {
  const { connection, prisma } = await connectDatabase();
  await prisma.$queryRaw`SELECT 1`;
  const status = await getMigrationStatus((sql) => prisma.$queryRawUnsafe(sql));
  return { database: connection.target.kind, migrationsUpToDate: status.upToDate, pendingMigrations: status.pending };
}
