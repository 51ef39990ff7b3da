import { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase, resolveDatabaseTarget, type DatabaseConnection } from "@/lib/db/connection";

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

interface DatabaseState {
  connection: DatabaseConnection;
  prisma: PrismaClient;
}

// The custom server and Next's server bundle each load this module; the state lives on
// globalThis so that both share one connection (PGlite allows only one per data directory).
const holder = globalThis as typeof globalThis & { __rapporteurDb?: Promise<DatabaseState> };

/** Opens the configured database once per process and returns its state. */
export function connectDatabase(): Promise<DatabaseState> {
  holder.__rapporteurDb ??= (async () => {
    const connection = await openDatabase(resolveDatabaseTarget());
    const prisma = new PrismaClient({ adapter: connection.factory });
    return { connection, prisma };
  })();
  return holder.__rapporteurDb;
}

/** Makes an already opened connection the process's database (tests, scripts). */
export function adoptDatabase(connection: DatabaseConnection): PrismaClient {
  const prisma = new PrismaClient({ adapter: connection.factory });
  holder.__rapporteurDb = Promise.resolve({ connection, prisma });
  return prisma;
}

/** The Prisma client. Only code in lib/ may call this. */
export async function getPrisma(): Promise<PrismaClient> {
  return (await connectDatabase()).prisma;
}

export async function disconnectDatabase(): Promise<void> {
  const state = await holder.__rapporteurDb;
  holder.__rapporteurDb = undefined;
  if (!state) return;
  await state.prisma.$disconnect();
  await state.connection.close();
}
