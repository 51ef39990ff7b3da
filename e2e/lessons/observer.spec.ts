import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { openDemoWorkshop } from "../fixtures/workshops";
import { expectNoAxeViolations } from "../fixtures/axe";

// Reads the demo workshop only: observers change nothing.
test("an observer reads the board (axe-clean) but takes no stance and writes no lesson", async ({ page }) => {
  await signInAsDemo(page, "Omar Observer");
  await openDemoWorkshop(page);
  await page.getByRole("navigation", { name: "Workshop" }).getByRole("link", { name: "Lessons" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Write a lesson" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Your stance on this lesson" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Endorse" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const response = await page.goto(`${page.url()}/new`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
});
