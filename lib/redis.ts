import { createClient, type RedisClientType } from "redis";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

/** The node-redis client type, for modules that take the connection (rate limits). */
export type RedisClient = RedisClientType;
type Client = RedisClient;

// One connection per process for commands (rate limits, publishing), shared by the custom server
// and Next's bundle, which load separate copies of this module.
const holder = globalThis as typeof globalThis & { __rapporteurRedis?: Promise<Client> };

/** Opens a connection to REDIS_URL; errors are logged, and the client reconnects by itself. */
export async function connectRedis(url: string): Promise<Client> {
  const client: Client = createClient({ url });
  client.on("error", (error: Error) => logger.warn("redis connection error", { message: error.message }));
  await client.connect();
  return client;
}

/** The process's Redis connection, or null when REDIS_URL is not set. */
export function getRedis(): Promise<Client> | null {
  const url = getEnv().REDIS_URL;
  if (!url) return null;
  holder.__rapporteurRedis ??= connectRedis(url).catch((error: unknown) => {
    holder.__rapporteurRedis = undefined;
    throw error;
  });
  return holder.__rapporteurRedis;
}

/** Closes the process's connection (at shutdown). */
export async function closeRedis(): Promise<void> {
  const pending = holder.__rapporteurRedis;
  holder.__rapporteurRedis = undefined;
  if (pending) await (await pending.catch(() => null))?.quit().catch(() => {});
}
