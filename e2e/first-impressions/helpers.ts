import { expect, type BrowserContext, type Page } from "@playwright/test";

/** Switches the interface language for this browser (the cookie the language switch sets). */
export async function useLanguage(context: BrowserContext, baseURL: string, locale: "en" | "fr"): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}

/** Creates a workshop with a date and a place through the form; returns its id. */
export async function createDatedWorkshop(page: Page, { title, date, place }: { title: string; date: string; place: string }): Promise<string> {
  await page.goto("/workshops/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date").fill(date);
  await page.getByLabel("Place").fill(place);
  await page.getByRole("button", { name: "Create workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const match = /\/workshops\/([^/?#]+)/.exec(new URL(page.url()).pathname);
  return match![1];
}
