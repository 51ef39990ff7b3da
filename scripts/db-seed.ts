/** `npm run db:seed`: seeds the demo workshop into the configured database (server stopped). */
import { openDatabase, resolveDatabaseTarget } from "@/lib/db/connection";
import { adoptDatabase, disconnectDatabase } from "@/lib/db";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { seedDemoWorkshop } from "@/lib/demo/seed-demo";

const connection = await openDatabase(resolveDatabaseTarget());
const prisma = adoptDatabase(connection);
await applyPendingMigrations(connection.factory);
console.log((await seedDemoWorkshop(prisma)) ? "Seeded the demo workshop." : "The demo workshop is already there.");
await disconnectDatabase();
