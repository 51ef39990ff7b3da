import { expect, test } from "@playwright/test";

// Runs in the project whose server is on the embedded database (playwright.config.ts).
test("GET /api/health reports a ready, migrated database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ ok: true, migrationsUpToDate: true });
  expect(body.database).toBe("pglite");
});
