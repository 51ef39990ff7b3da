import crypto from "node:crypto";
import { expect } from "vitest";
import { createStoreRateLimit, rateLimitKey, type RateLimitStore, type SharedRateLimit } from "@/lib/security/rate-limit";

/** What the tests of shared rate limits check on each store (Redis, PostgreSQL). */

export const TEST_SECRET = "s".repeat(40);

/** A key prefix of this run's own, so runs sharing a store never see each other's counts. */
export function uniqueKeyPrefix(): string {
  return `rapporteur-test:${crypto.randomBytes(6).toString("hex")}`;
}

/** A limit of `limit` a minute as one node would hold it, on its own connection to the store. */
export function nodeLimit(store: RateLimitStore, keyPrefix: string, limit = 3): SharedRateLimit {
  return createStoreRateLimit({ name: "writes", limit, windowMs: 60_000, secret: TEST_SECRET, keyPrefix, store: async () => store });
}

/**
 * Two nodes take turns with one person's budget of 3: the fourth attempt is refused on either
 * node, with the rest of the window to wait. Returns the store key the person's count is under.
 */
export async function expectOneCountAcrossNodes(nodeA: SharedRateLimit, nodeB: SharedRateLimit, identifier: string): Promise<string> {
  expect(await nodeA.take(identifier)).toEqual({ allowed: true });
  expect(await nodeB.take(identifier)).toEqual({ allowed: true });
  expect(await nodeA.take(identifier)).toEqual({ allowed: true });
  const refused = await nodeB.take(identifier);
  expect(refused.allowed).toBe(false);
  expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
  expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  expect((await nodeA.take(identifier)).allowed).toBe(false);
  // Someone else's budget is untouched.
  expect(await nodeB.take(`other-${identifier}`)).toEqual({ allowed: true });
  return rateLimitKey(TEST_SECRET, identifier);
}
