import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { signInAsDemo } from "../fixtures/auth";
import { DEMO_WORKSHOP_TITLE } from "../fixtures/workshops";

// Starts from an English browser, so that English is what the switch changes from.
test.use({ locale: "en-US" });

test("the language switch turns the interface to French", async ({ page }) => {
  await signInAsDemo(page, "Dalia Participant");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // A choice made before the page is hydrated is not heard: choose again until French arrives
  // (back to English first when the select already shows French unheard).
  const language = page.locator("select").filter({ has: page.locator('option[value="fr"]') }).first();
  await expect(async () => {
    if ((await language.inputValue()) === "fr") await language.selectOption("en");
    await language.selectOption("fr");
    await expect(page.getByRole("heading", { level: 1, name: "Mes ateliers" })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("combobox", { name: "Langue" })).toHaveValue("fr");

  // The choice sticks across navigation.
  await page.getByRole("link", { name: DEMO_WORKSHOP_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_WORKSHOP_TITLE })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("complementary", { name: "Règle d’attribution" })).toContainText("Règle de Chatham House");
  await expect(page.getByRole("navigation", { name: "Atelier" }).getByRole("link")).toHaveText(["Vue d’ensemble", "Note de réunion", "Thèmes", "Leçons", "Bilan"]);
  await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The live note, in French: toolbar, save status, editor name.
  await page.getByRole("link", { name: "Note de réunion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Note de réunion" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Enregistré$/ })).toBeVisible();
  await expect(page.getByRole("toolbar", { name: "Mise en forme" }).getByRole("button", { name: "Gras" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Note de réunion" })).toBeVisible();
  await expectNoAxeViolations(page);

  // And back.
  await page.getByRole("combobox", { name: "Langue" }).selectOption({ label: "English" });
  await expect(page.getByRole("complementary", { name: "Rule of attribution" })).toContainText("Chatham House Rule");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
