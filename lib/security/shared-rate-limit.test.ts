import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectRedis, type RedisClient } from "@/lib/redis";
import { createStoreRateLimit, rateLimitKey } from "./rate-limit";
import { TEST_SECRET, expectOneCountAcrossNodes, nodeLimit, uniqueKeyPrefix } from "@/test/rate-limit-nodes";

// Runs on both vitest stages: Redis does not depend on the database under test. Without a Redis
// server the connection fails and so does this file (scripts/ensure-test-deps.sh starts one).
const redisUrl = process.env.TEST_REDIS_URL?.trim() || "redis://127.0.0.1:6379";

describe("shared rate limits on Redis, as two nodes hold them", () => {
  const keyPrefix = uniqueKeyPrefix();
  let first: RedisClient;
  let second: RedisClient;

  beforeAll(async () => {
    [first, second] = await Promise.all([connectRedis(redisUrl), connectRedis(redisUrl)]);
  });
  afterAll(async () => {
    const keys = await first.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await first.del(keys);
    await Promise.all([first.quit(), second.quit()]);
  });

  it("counts one person once across nodes, under an HMAC of their id", async () => {
    const identifier = "user-cmf0a1b2c3";
    const key = await expectOneCountAcrossNodes(
      nodeLimit({ kind: "redis", client: first }, keyPrefix),
      nodeLimit({ kind: "redis", client: second }, keyPrefix),
      identifier,
    );
    const stored = await first.keys(`${keyPrefix}:*`);
    expect(stored).toContain(`${keyPrefix}:writes:${key}`);
    expect(stored.join("\n")).not.toContain(identifier);
    expect(await first.get(`${keyPrefix}:writes:${key}`)).toBe("5");
  });

  it("keeps e-mail addresses out of the keys", async () => {
    const address = "ada@example.test";
    await nodeLimit({ kind: "redis", client: first }, keyPrefix).take(address);
    const stored = (await first.keys(`${keyPrefix}:*`)).join("\n");
    expect(stored).toContain(rateLimitKey(TEST_SECRET, address));
    expect(stored).not.toMatch(/ada|example/);
  });

  it("counts in this process, with a warning, while Redis is unreachable", async () => {
    const lost = await connectRedis(redisUrl);
    lost.destroy();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const limit = nodeLimit({ kind: "redis", client: lost }, keyPrefix, 2);
      expect(await limit.take("user-during-outage")).toEqual({ allowed: true });
      expect(await limit.take("user-during-outage")).toEqual({ allowed: true });
      expect((await limit.take("user-during-outage")).allowed).toBe(false);
      expect(warn.mock.calls.map(String).join("\n")).toMatch(/rate limit store unavailable/);
      expect(warn.mock.calls.map(String).join("\n")).not.toContain("user-during-outage");
    } finally {
      warn.mockRestore();
    }
  });

  it("counts in this process when the store cannot be reached at all", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const limit = createStoreRateLimit({
        name: "writes",
        limit: 1,
        windowMs: 60_000,
        secret: TEST_SECRET,
        keyPrefix,
        store: () => Promise.reject(new Error("ECONNREFUSED")),
      });
      expect(await limit.take("someone")).toEqual({ allowed: true });
      expect(await limit.take("someone")).toEqual({ allowed: false, retryAfterSeconds: 60 });
      expect(warn.mock.calls.map(String).join("\n")).toMatch(/cannot connect: ECONNREFUSED/);
    } finally {
      warn.mockRestore();
    }
  });
});
