import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { postgresPoolConfig } from "@/lib/db/connection";
import { connectRedis } from "@/lib/redis";
import { logger } from "@/lib/logger";
import type { Env } from "@/lib/env";

/** The attachments table of the PostgreSQL adapter, created by a migration (SocketIoAttachment). */
export const POSTGRES_ATTACHMENTS_TABLE = "socket_io_attachments";

/**
 * How this node reaches the sockets of the other nodes serving the same workshops:
 * - memory: this process only (one node, the default and the embedded database's only choice);
 * - redis: Redis pub/sub, two connections (socket.io's adapter needs one of them subscribed);
 * - postgres: LISTEN/NOTIFY over a small pool on the app's database.
 */
export type RealtimeAdapterOptions =
  | { kind: "memory" }
  | { kind: "redis"; url: string; /** Channel prefix: nodes of one deployment share it. */ key?: string }
  | { kind: "postgres"; url: string; /** Notification channel prefix: nodes of one deployment share it. */ channelPrefix?: string };

/** An adapter ready to hand to socket.io, and how to close its connections once socket.io is closed. */
export interface RealtimeAdapter {
  kind: RealtimeAdapterOptions["kind"];
  // socket.io types its adapter option as a constructor; the adapters export factories.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  factory: any;
  close(): Promise<void>;
}

/** The adapter the environment chooses (lib/env.ts checked that its URL is set). */
export function realtimeAdapterOptions(env: Pick<Env, "realtimeAdapter" | "REDIS_URL" | "DATABASE_URL">): RealtimeAdapterOptions {
  if (env.realtimeAdapter === "redis" && env.REDIS_URL) return { kind: "redis", url: env.REDIS_URL };
  if (env.realtimeAdapter === "postgres" && env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "memory" };
}

/** Connects the chosen adapter (before the socket.io server is created, so no socket misses it). */
export async function connectRealtimeAdapter(options: RealtimeAdapterOptions): Promise<RealtimeAdapter | null> {
  if (options.kind === "memory") return null;
  if (options.kind === "redis") {
    const publisher = await connectRedis(options.url);
    const subscriber = await connectRedis(options.url).catch(async (error: unknown) => {
      await publisher.quit().catch(() => {});
      throw error;
    });
    return {
      kind: "redis",
      factory: createRedisAdapter(publisher, subscriber, { key: options.key ?? "socket.io", publishOnSpecificResponseChannel: true }),
      close: async () => {
        await Promise.all([publisher.quit().catch(() => {}), subscriber.quit().catch(() => {})]);
      },
    };
  }
  // One connection listens; the others publish and fetch attachments (binary or > 8000 bytes).
  const pool = new pg.Pool({ ...postgresPoolConfig(options.url), max: 4 });
  pool.on("error", (error) => logger.warn("realtime adapter database connection error", { message: error.message }));
  await pool.query("select 1");
  return {
    kind: "postgres",
    factory: createPostgresAdapter(pool, {
      tableName: POSTGRES_ATTACHMENTS_TABLE,
      channelPrefix: options.channelPrefix ?? "socket.io",
      errorHandler: (error) => logger.warn("realtime adapter error", { message: error.message }),
    }),
    close: () => pool.end().catch(() => {}),
  };
}
