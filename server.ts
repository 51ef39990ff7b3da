/**
 * One process: Next.js and socket.io on one HTTP server. At start it validates the
 * environment, opens the database, applies pending migrations and seeds the demo workshop.
 */
import http from "node:http";
import next from "next";
import { loadEnv, exportEnvForLibraries } from "@/lib/env";
import { connectDatabase, disconnectDatabase } from "@/lib/db";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { seedDemoWorkshop } from "@/lib/demo/seed-demo";
import { refreshDerivedTexts } from "@/lib/passages/refresh-derived-texts";
import { convertPendingOwnership } from "@/lib/ownership/convert-pending-ownership";
import { sealExpiredWorkshops } from "@/lib/ownership/seal-expired-workshops";
import { applyDueRetention } from "@/lib/retention/apply-retention";
import { closeSocketServer, createSocketServer } from "@/lib/realtime/socket-server";
import { connectRealtimeAdapter, realtimeAdapterOptions } from "@/lib/realtime/adapter";
import { logger } from "@/lib/logger";
import { closeRateLimitStore } from "@/lib/security/rate-limit";
import { closeRedis } from "@/lib/redis";

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  exportEnvForLibraries(env);
  const dev = process.env.NODE_ENV !== "production";

  const started = Date.now();
  const { connection, prisma } = await connectDatabase();
  const { applied } = await applyPendingMigrations(connection.factory);
  if (applied.length) logger.info(`applied migrations: ${applied.join(", ")}`);
  if (env.isDemo && env.SEED_DEMO !== "false" && (await seedDemoWorkshop(prisma))) {
    logger.info("seeded the demo workshop");
  }
  const converted = await convertPendingOwnership(prisma);
  if (converted) logger.info(`gave ${converted} contribution(s) written before owner tags their owner tag`);
  const sealNow = () =>
    sealExpiredWorkshops(prisma, { days: env.SEAL_AFTER_CLOSED_DAYS })
      .then((sealed) => sealed.length && logger.info(`sealed ${sealed.length} workshop(s) closed for ${env.SEAL_AFTER_CLOSED_DAYS} days or archived`))
      .catch((error) => logger.error("sealing expired workshops failed", error));
  // Retention the same way: at start and hourly, idempotent, each workshop under its row lock.
  const trimNow = () =>
    applyDueRetention(prisma)
      .then((trimmed) => trimmed.length && logger.info(`deleted the raw contributions of ${trimmed.length} workshop(s) whose retention period ended`))
      .catch((error) => logger.error("applying retention failed", error));
  await sealNow();
  await trimNow();
  setInterval(() => void sealNow().then(trimNow), 60 * 60 * 1000).unref();
  const refreshed = await refreshDerivedTexts(prisma);
  if (refreshed) logger.info(`re-read ${refreshed} source(s) under the current parser and re-anchored their passages`);
  logger.info(`database ready (${connection.target.kind}) in ${Date.now() - started} ms`);

  const app = next({ dev, hostname: "localhost", port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((request, response) => void handle(request, response));
  // Node closes an idle keep-alive connection after 5 s, which races a client sending its next
  // request on it at that moment ("socket hang up" in a script or a proxy). Clients and proxies
  // give up on idle connections well before a minute.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Several nodes serving the same workshops reach each other's sockets through Redis or PostgreSQL.
  const adapter = await connectRealtimeAdapter(realtimeAdapterOptions(env));
  if (adapter) logger.info(`realtime across nodes through ${adapter.kind}`);
  const io = createSocketServer(server, {
    adapter,
    allowedOrigins: [new URL(env.APP_URL).origin, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
  });

  server.listen(env.PORT, env.HOST, () => {
    logger.info(`Rapporteur ${env.isDemo ? "(demo mode) " : ""}ready on ${env.APP_URL}`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    // Open notes are stored before the database closes.
    await closeSocketServer(io).catch((error) => logger.error("closing realtime failed", error));
    server.close();
    // Closing PGlite flushes it to disk; killing the process without this can lose writes.
    await disconnectDatabase().catch((error) => logger.error("closing the database failed", error));
    await closeRateLimitStore().catch((error) => logger.error("closing the rate limit store failed", error));
    await closeRedis();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error) => {
  logger.error("Rapporteur failed to start", error);
  process.exit(1);
});
