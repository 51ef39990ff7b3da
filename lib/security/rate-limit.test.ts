import { describe, expect, it } from "vitest";
import { rateLimitStoreKind } from "./rate-limit";
import { createRateLimit } from "./window-rate-limit";

describe("createRateLimit", () => {
  it("allows up to the limit within a window, then refuses until the window ends", () => {
    const limit = createRateLimit({ limit: 3, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limit.take("a@example.test", t0))).toEqual([true, true, true]);
    expect(limit.take("a@example.test", t0 + 1_000)).toBe(false);
    expect(limit.retryAfterSeconds("a@example.test", t0 + 1_000)).toBe(59);
    expect(limit.take("a@example.test", t0 + 60_000)).toBe(true);
    expect(limit.retryAfterSeconds("a@example.test", t0 + 60_000)).toBe(0);
  });

  it("counts each key on its own", () => {
    const limit = createRateLimit({ limit: 1, windowMs: 60_000 });
    expect(limit.take("a", 0)).toBe(true);
    expect(limit.take("b", 0)).toBe(true);
    expect(limit.take("a", 1)).toBe(false);
  });
});

describe("rateLimitStoreKind", () => {
  const postgres = "postgresql://app@db/rapporteur";

  it("counts in Redis whenever REDIS_URL is set", () => {
    expect(rateLimitStoreKind({ REDIS_URL: "redis://cache:6379", DATABASE_URL: postgres, realtimeAdapter: "postgres" })).toBe("redis");
    expect(rateLimitStoreKind({ REDIS_URL: "redis://cache:6379", realtimeAdapter: "redis" })).toBe("redis");
  });

  it("counts in PostgreSQL when several nodes share it without Redis", () => {
    expect(rateLimitStoreKind({ DATABASE_URL: postgres, realtimeAdapter: "postgres" })).toBe("postgres");
  });

  it("counts in memory on one process: the embedded database, or one node on PostgreSQL", () => {
    expect(rateLimitStoreKind({ realtimeAdapter: "memory" })).toBe("memory");
    expect(rateLimitStoreKind({ DATABASE_URL: postgres, realtimeAdapter: "memory" })).toBe("memory");
  });
});
