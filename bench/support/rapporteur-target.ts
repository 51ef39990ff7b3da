/**
 * What the scale benches type into (scale.bench.ts, many-notes.bench.ts): a server the load
 * generator reaches, and Rapporteur's own target, the real socket server, room and storage in
 * the bench's process on in-memory PGlite or, when BENCH_DATABASE_URL names a server, PostgreSQL
 * in a throwaway database.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabase, type DatabaseTarget } from "@/lib/db/connection";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { adoptDatabase, disconnectDatabase } from "@/lib/db";
import { closeSocketServer, createSocketServer } from "@/lib/realtime/socket-server";
import { setRealtimeServer } from "@/lib/realtime/hub";
import { createWorkshop } from "@/test/factories";
import { createThrowawayDatabase, dropThrowawayDatabase } from "@/test/db-server";
import type { LoadProtocol } from "./load-transports";

export interface Target {
  name: string;
  protocol: LoadProtocol;
  /**
   * Starts the server; returns how to reach it, what to prepare per run (`workshops` documents
   * with `editors` each, and one cookie per editor, document after document), and how to stop.
   */
  start(): Promise<{
    url: string;
    origin: string;
    prepare(editors: number, workshops?: number): Promise<{ documents: string[]; cookies: string[] }>;
    stop(): Promise<void>;
  }>;
}

export async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function rapporteur(name: string, target: () => Promise<{ target: DatabaseTarget; dispose(): Promise<void> }>): Target {
  return {
    name,
    protocol: "rapporteur",
    async start() {
      process.env.RAPPORTEUR_MODE ??= "demo";
      const database = await target();
      const connection = await openDatabase(database.target);
      await applyPendingMigrations(connection.factory);
      const db = adoptDatabase(connection);
      const server = http.createServer();
      const port = await listen(server);
      const origin = `http://localhost:${port}`;
      const io = createSocketServer(server, { allowedOrigins: [origin] });
      let run = 0;
      return {
        url: `http://127.0.0.1:${port}`,
        origin,
        async prepare(editors, workshops = 1) {
          run += 1;
          const documents: string[] = [];
          const cookies: string[] = [];
          const expires = new Date(Date.now() + 24 * 60 * 60 * 1000);
          for (let w = 0; w < workshops; w += 1) {
            const workshop = await createWorkshop();
            // In bulk: 100 workshops × 10 editors one row at a time would take longer than the run.
            const users = await db.user.createManyAndReturn({
              data: Array.from({ length: editors }, (_, i) => ({ email: `editor-${run}-${w}-${i}@bench.test`, name: `Editor ${i}` })),
            });
            await db.membership.createMany({ data: users.map((user) => ({ workshopId: workshop.id, userId: user.id, role: "PARTICIPANT" as const })) });
            const sessions = users.map((user) => ({ userId: user.id, sessionToken: crypto.randomBytes(32).toString("hex"), expires }));
            await db.session.createMany({ data: sessions });
            documents.push(workshop.id);
            cookies.push(...sessions.map((session) => `next-auth.session-token=${session.sessionToken}`));
          }
          return { documents, cookies };
        },
        async stop() {
          await closeSocketServer(io);
          setRealtimeServer(undefined);
          if (server.listening) await new Promise((resolve) => server.close(resolve));
          await disconnectDatabase();
          await database.dispose();
        },
      };
    },
  };
}

export const pgliteTarget = rapporteur("Rapporteur, PGlite", async () => ({ target: { kind: "pglite", dataDir: null }, dispose: async () => {} }));
export const postgresTarget = rapporteur("Rapporteur, PostgreSQL", async () => {
  const serverUrl = process.env.BENCH_DATABASE_URL!.trim();
  const throwaway = await createThrowawayDatabase(serverUrl);
  return { target: { kind: "postgres", url: throwaway.url }, dispose: () => dropThrowawayDatabase(serverUrl, throwaway.name) };
});
