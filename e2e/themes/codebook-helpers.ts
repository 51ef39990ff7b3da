import { expect, type Page } from "@playwright/test";

/** Opens the workshop's Themes tab from its navigation. */
export async function openCodebook(page: Page, workshopId: string): Promise<void> {
  await page.goto(`/workshops/${workshopId}`);
  await page.getByRole("navigation", { name: "Workshop" }).getByRole("link", { name: "Themes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Themes" })).toBeVisible();
}

/** The codebook's theme names, in order. */
export function codebookNames(page: Page) {
  return page.getByRole("list", { name: /^Codebook/ }).getByRole("heading", { level: 3 });
}

/** Adds a theme through the "Add a theme" form. */
export async function addTheme(page: Page, theme: { name: string; description?: string; color?: string }): Promise<void> {
  const form = page.getByRole("region", { name: "Add a theme" });
  await form.getByLabel("Name").fill(theme.name);
  await form.getByLabel("Description (optional)").fill(theme.description ?? "");
  if (theme.color) await form.getByRole("radio", { name: theme.color, exact: true }).check();
  await form.getByRole("button", { name: "Add theme" }).click();
  await expect(codebookNames(page).filter({ hasText: theme.name })).toHaveCount(1);
}

/** The theme ids by name, read through the API as a script of the member's would. */
export async function themeIdsByName(page: Page, workshopId: string): Promise<Record<string, string>> {
  const response = await page.request.get(`/api/workshops/${workshopId}/themes`);
  const { themes } = (await response.json()) as { themes: { id: string; name: string }[] };
  return Object.fromEntries(themes.map((theme) => [theme.name, theme.id]));
}
