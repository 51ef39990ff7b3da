import { expect, test } from "@playwright/test";

test("GET /api/health reports a ready, migrated database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ ok: true, migrationsUpToDate: true });
  expect(body.database).toBe("pglite");
});
