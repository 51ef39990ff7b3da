import crypto from "node:crypto";
import pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { postgresPoolConfig } from "@/lib/db/connection";
import { getEnv, type Env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getRedis, type RedisClient } from "@/lib/redis";

/** Where shared counters live; chosen once per process by `sharedRateLimit` (see `processStore`). */
export type RateLimitStore =
  | { kind: "memory" }
  | { kind: "redis"; client: RedisClient }
  | { kind: "postgres"; pool: pg.Pool };

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SharedRateLimit {
  /** Counts one attempt by `identifier` (a user id, an address); says whether it is allowed. */
  take(identifier: string): Promise<RateLimitVerdict>;
}

export interface StoreRateLimitOptions {
  /** Names the limit; counters of different names never mix. */
  name: string;
  limit: number;
  windowMs: number;
  /** Key for the HMAC that stands in for identifiers in the store. */
  secret: string;
  /** Opens (or returns) the store; called again after a failure, so a store that comes back is used. */
  store: () => Promise<RateLimitStore>;
  /** Prefix of the store keys; tests give each run its own. */
  keyPrefix?: string;
}

/** The PostgreSQL table, made by a migration (prisma/schema.prisma, model RateLimit). */
export const RATE_LIMIT_TABLE = "RateLimit";
export const DEFAULT_KEY_PREFIX = "rapporteur:rate-limit";
/** How long a request waits for the store to connect before counting in this process instead. */
const STORE_CONNECT_TIMEOUT_MS = 2_000;
/** One warning per limit and minute is enough for an operator; an outage must not flood the log. */
const OUTAGE_WARNING_INTERVAL_MS = 60_000;

/**
 * What the store holds instead of the identifier: anonymity is the product, so a dump of Redis or
 * of the RateLimit table must not tell who was active. An HMAC (not a bare hash) keeps e-mail
 * addresses and ids from being confirmed by hashing guesses without the server's secret.
 */
export function rateLimitKey(secret: string, identifier: string): string {
  return crypto.createHmac("sha256", secret).update(identifier).digest("base64url");
}

/**
 * Counts in this process when the store fails (rate-limiter-flexible's insuranceLimiter): during
 * a Redis or PostgreSQL outage each node enforces the limit on its own share of traffic, which
 * still bounds abuse, and requests are neither refused nor failed with a 500 because of it.
 */
class InsuranceLimiter extends RateLimiterMemory {
  private lastWarning = 0;

  constructor(
    private readonly limitName: string,
    options: IRateLimiterOptions,
  ) {
    super(options);
  }

  warn(reason: string): void {
    const now = Date.now();
    if (now - this.lastWarning < OUTAGE_WARNING_INTERVAL_MS) return;
    this.lastWarning = now;
    logger.warn("rate limit store unavailable; counting in this process only", { limit: this.limitName, reason });
  }

  override consume(key: string | number, points?: number, options?: { [key: string]: unknown }): Promise<RateLimiterRes> {
    // The library calls this only after the store failed (it passes no error along).
    this.warn("store operation failed");
    return super.consume(key, points, options);
  }
}

/** A limit kept in `options.store`, falling back to this process's memory while the store fails. */
export function createStoreRateLimit(options: StoreRateLimitOptions): SharedRateLimit {
  const { name, limit, windowMs, secret } = options;
  const limiterOptions = {
    points: limit,
    // The stores count whole seconds.
    duration: Math.max(1, Math.ceil(windowMs / 1000)),
    keyPrefix: `${options.keyPrefix ?? DEFAULT_KEY_PREFIX}:${name}`,
  };
  const insurance = new InsuranceLimiter(name, limiterOptions);
  let limiter: RateLimiterAbstract | undefined;

  async function current(): Promise<RateLimiterAbstract> {
    if (limiter) return limiter;
    try {
      limiter = limiterOn(await withinTimeout(options.store(), STORE_CONNECT_TIMEOUT_MS), limiterOptions, insurance);
      return limiter;
    } catch (error) {
      insurance.warn(`cannot connect: ${error instanceof Error ? error.message : String(error)}`);
      return insurance;
    }
  }

  return {
    async take(identifier) {
      const key = rateLimitKey(secret, identifier);
      try {
        await (await current()).consume(key);
        return { allowed: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) return refusal(error);
        // Not expected with an insurance limiter in place; still, never a 500 for a count.
        insurance.warn(error instanceof Error ? error.message : String(error));
        return insurance.consume(key).then(
          () => ({ allowed: true }) as const,
          (res: unknown) => (res instanceof RateLimiterRes ? refusal(res) : ({ allowed: true } as const)),
        );
      }
    },
  };
}

function refusal(res: RateLimiterRes): RateLimitVerdict {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

function limiterOn(store: RateLimitStore, options: IRateLimiterOptions, insurance: RateLimiterMemory): RateLimiterAbstract {
  switch (store.kind) {
    case "memory":
      return new RateLimiterMemory(options);
    case "redis":
      return new RateLimiterRedis({
        ...options,
        storeClient: store.client,
        useRedisPackage: true,
        // node-redis queues commands while disconnected; fail over to the insurance at once instead.
        rejectIfRedisNotReady: true,
        insuranceLimiter: insurance,
      });
    case "postgres":
      return new RateLimiterPostgres({
        ...options,
        storeClient: store.pool,
        storeType: "pool",
        tableName: RATE_LIMIT_TABLE,
        // The migrations made it; the library would otherwise run CREATE TABLE at run time.
        tableCreated: true,
        insuranceLimiter: insurance,
      });
  }
}

async function withinTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A small pool of its own for the counters, so that rate limiting never waits behind Prisma's queries. */
export function rateLimitPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ ...postgresPoolConfig(databaseUrl), max: 2, connectionTimeoutMillis: STORE_CONNECT_TIMEOUT_MS });
  // An idle connection that drops emits "error"; unhandled, it would end the process.
  pool.on("error", (error) => logger.warn("rate limit pool connection error", { message: error.message }));
  return pool;
}

const holder = globalThis as typeof globalThis & {
  __rapporteurRateLimitStore?: () => Promise<RateLimitStore>;
  __rapporteurRateLimitPool?: pg.Pool;
  __rapporteurRateLimits?: Map<string, SharedRateLimit>;
};

/**
 * Which store the counters of this process go to:
 * - Redis when REDIS_URL is set;
 * - PostgreSQL when several nodes share it without Redis (REALTIME_ADAPTER=postgres);
 * - else this process's memory: the embedded database is one process, and a single node on
 *   PostgreSQL has nobody to share counts with.
 */
export function rateLimitStoreKind(env: Pick<Env, "REDIS_URL" | "DATABASE_URL" | "realtimeAdapter">): RateLimitStore["kind"] {
  if (env.REDIS_URL) return "redis";
  if (env.realtimeAdapter === "postgres" && env.DATABASE_URL) return "postgres";
  return "memory";
}

/** The store, chosen once per process (both module copies) and opened on first use. */
function processStore(): () => Promise<RateLimitStore> {
  if (holder.__rapporteurRateLimitStore) return holder.__rapporteurRateLimitStore;
  const env = getEnv();
  let store: () => Promise<RateLimitStore>;
  switch (rateLimitStoreKind(env)) {
    case "redis":
      // lib/redis.ts connects once and again after a failed attempt.
      store = async () => ({ kind: "redis", client: await getRedis()! });
      break;
    case "postgres": {
      const pool = (holder.__rapporteurRateLimitPool = rateLimitPool(env.DATABASE_URL!));
      store = async () => ({ kind: "postgres", pool });
      break;
    }
    case "memory":
      store = async () => ({ kind: "memory" });
  }
  holder.__rapporteurRateLimitStore = store;
  return store;
}

/** Closes the PostgreSQL pool of the counters, if any (at shutdown; Redis closes with lib/redis.ts). */
export async function closeRateLimitStore(): Promise<void> {
  const pool = holder.__rapporteurRateLimitPool;
  holder.__rapporteurRateLimitPool = undefined;
  holder.__rapporteurRateLimitStore = undefined;
  holder.__rapporteurRateLimits = undefined;
  await pool?.end();
}

/**
 * A named limit shared by every node (and both module copies of this process: custom server and
 * Next), counted in the store `processStore` picks.
 */
export function sharedRateLimit(name: string, options: { limit: number; windowMs: number }): SharedRateLimit {
  holder.__rapporteurRateLimits ??= new Map();
  let limit = holder.__rapporteurRateLimits.get(name);
  if (!limit) {
    limit = createStoreRateLimit({ name, ...options, secret: getEnv().NEXTAUTH_SECRET, store: processStore() });
    holder.__rapporteurRateLimits.set(name, limit);
  }
  return limit;
}
