import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { signInAsDemo } from "../fixtures/auth";
import { expectToast } from "../fixtures/toast";

test("an organizer creates a token, sees it once, uses it from a script, revokes it and it is refused", async ({ page, playwright }) => {
  test.slow(); // sign-in, two page loads, a dialog and three API calls: longer than the 30 s default under load
  await signInAsDemo(page, "Olivia Organizer");
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Access tokens" });
  await expect(section).toBeVisible();
  const name = `Nightly export ${Date.now()}`;
  await section.getByLabel("Name").fill(name);
  await section.getByRole("radio", { name: "Read only" }).check();
  await section.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await section.getByRole("button", { name: "Create token" }).click();

  const secretField = section.getByLabel("Your new token");
  await expect(secretField).toHaveValue(/^rpt_[A-Za-z0-9_-]{43}$/);
  const secret = await secretField.inputValue();
  await expect(section.getByText(`Token “${name}” created. Copy it now: it will not be shown again.`)).toBeVisible();
  await expect(section.getByRole("row").filter({ hasText: name })).toContainText("Read only");
  await expectNoAxeViolations(page);

  // A script: no cookie, only the token.
  const script = await playwright.request.newContext({ baseURL: new URL(page.url()).origin, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  try {
    const workshops = await script.get("/api/workshops");
    expect(workshops.status()).toBe(200);
    const body = (await workshops.json()) as { workshops: { title: string; myRole: string }[] };
    expect(body.workshops.some((workshop) => workshop.myRole === "ORGANIZER")).toBe(true);

    // Shown once: after a reload the secret is gone, the token listed as used.
    await page.reload();
    await expect(section.getByLabel("Your new token")).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);
    const row = section.getByRole("row").filter({ hasText: name });
    await expect(row.getByRole("cell").nth(3)).not.toHaveText("Never");

    await row.getByRole("button", { name: `Revoke “${name}”` }).click();
    const dialog = page.getByRole("alertdialog", { name: `Revoke “${name}”?` });
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expectToast(page, `Token “${name}” revoked.`);
    await expect(section.getByRole("row").filter({ hasText: name })).toHaveCount(0);

    const refused = await script.get("/api/workshops");
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
  } finally {
    await script.dispose();
  }
});

test("a read token is refused writes with a clear 403, and page.request with a token acts as the token's person", async ({ page }) => {
  await signInAsDemo(page, "Olivia Organizer");
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Access tokens" });
  await section.getByLabel("Name").fill(`Reader ${Date.now()}`);
  await section.getByRole("button", { name: "Create token" }).click();
  const secret = await section.getByLabel("Your new token").inputValue();
  const workshops = (await (await page.request.get("/api/workshops", { headers: { Authorization: `Bearer ${secret}` } })).json()) as { workshops: { id: string }[] };
  const workshopId = workshops.workshops[0].id;
  const refused = await page.request.post(`/api/workshops/${workshopId}/themes`, { headers: { Authorization: `Bearer ${secret}` }, data: { name: "From a script" } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("This access token may only read (GET). Create a read-write token to make changes.");
  // A bad token is refused even though this browser's session cookie travels with it.
  const bad = await page.request.get("/api/workshops", { headers: { Authorization: `Bearer rpt_${"x".repeat(43)}` } });
  expect(bad.status()).toBe(401);
});

test("the API reference is readable, in English and French, and its document is OpenAPI 3.1", async ({ page, context }) => {
  test.slow(); // axe reads every operation of a long page, twice (English and French)
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "GET /api/workshops/{workshopId}/lessons", exact: true })).toBeVisible();
  const contentsLink = page.getByRole("navigation", { name: "Operations" }).getByRole("link", { name: "POST /api/workshops/{workshopId}/lessons", exact: true });
  await expect(contentsLink).toHaveAttribute("href", "#postWorkshopsByWorkshopIdLessons");
  await expect(page.locator("#postWorkshopsByWorkshopIdLessons").getByRole("heading", { level: 3 })).toHaveText("POST /api/workshops/{workshopId}/lessons");
  await expectNoAxeViolations(page);
  const document = (await (await page.request.get("/api/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/workshops/{workshopId}/lessons");

  await context.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: new URL(page.url()).origin }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Référence de l’API" })).toBeVisible();
  await expectNoAxeViolations(page);
});
