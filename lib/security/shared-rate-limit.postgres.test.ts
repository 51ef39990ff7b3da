import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createThrowawayDatabase, dropThrowawayDatabase, testDatabaseServerUrl } from "@/test/db-server";
import { expectOneCountAcrossNodes, nodeLimit, uniqueKeyPrefix } from "@/test/rate-limit-nodes";
import { RATE_LIMIT_TABLE, rateLimitPool } from "./rate-limit";

// PostgreSQL stage only (vitest.config.ts leaves `*.postgres.test.ts` out of the PGlite stage):
// the store is a PostgreSQL server that several nodes reach, which in-memory PGlite cannot be.
const serverUrl = testDatabaseServerUrl();
if (!serverUrl) throw new Error("this file needs TEST_DATABASE_URL (PostgreSQL stage)");

describe("shared rate limits on PostgreSQL, as two nodes hold them", () => {
  const keyPrefix = uniqueKeyPrefix();
  let database: { name: string; url: string };
  let first: pg.Pool;
  let second: pg.Pool;

  beforeAll(async () => {
    // A copy of the run's migrated database: the RateLimit table comes from the migrations.
    database = await createThrowawayDatabase(serverUrl, inject("migratedTemplateDatabase"));
    first = rateLimitPool(database.url);
    second = rateLimitPool(database.url);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([first?.end(), second?.end()]);
    if (database) await dropThrowawayDatabase(serverUrl, database.name);
  });

  it("counts one person once across nodes, under an HMAC of their address", async () => {
    const identifier = "ada@example.test";
    const key = await expectOneCountAcrossNodes(
      nodeLimit({ kind: "postgres", pool: first }, keyPrefix),
      nodeLimit({ kind: "postgres", pool: second }, keyPrefix),
      identifier,
    );
    const { rows } = await first.query<{ key: string; points: number }>(`select key, points from "${RATE_LIMIT_TABLE}" order by key`);
    expect(rows).toContainEqual({ key: `${keyPrefix}:writes:${key}`, points: 5 });
    expect(rows.map((row) => row.key).join("\n")).not.toMatch(/ada|example/);
  });

  it("counts in this process, with a warning, while PostgreSQL is unreachable", async () => {
    const lost = rateLimitPool(database.url);
    await lost.end();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const limit = nodeLimit({ kind: "postgres", pool: lost }, keyPrefix, 1);
      expect(await limit.take("user-during-outage")).toEqual({ allowed: true });
      expect((await limit.take("user-during-outage")).allowed).toBe(false);
      expect(warn.mock.calls.map(String).join("\n")).toMatch(/rate limit store unavailable/);
    } finally {
      warn.mockRestore();
    }
  });
});
