import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { expectNoOverflow } from "../fixtures/overflow";
import { openDemoWorkshop } from "../fixtures/workshops";
import { useLanguage } from "../first-impressions/helpers";
import { LAPTOP, PHONE, PHONE_DEVICE } from "./phone";

test.use(PHONE_DEVICE);

type Ready = (page: Page) => Promise<void>;
const headingShown: Ready = async (page) => void (await expect(page.getByRole("heading", { level: 1 })).toBeVisible());
/** A workshop page is ready once hydrated: its live count has connected. */
const workshopReady =
  (shown: Ready = headingShown): Ready =>
  async (page) => {
    await shown(page);
    await expect(page.getByTestId("live-count")).toContainText(/here now|en ce moment/);
  };

/** The pages an organizer of the demo roundtable goes through, with what shows each is ready. */
async function demoPages(page: Page): Promise<{ path: string; ready: Ready }[]> {
  const workshopId = await openDemoWorkshop(page);
  const sourceHref = await page.locator(`a[href^="/workshops/${workshopId}/sources/"]:not([href$="/new"])`).first().getAttribute("href");
  const base = `/workshops/${workshopId}`;
  return [
    { path: "/workshops", ready: headingShown },
    { path: "/account", ready: headingShown },
    { path: base, ready: workshopReady() },
    { path: sourceHref!, ready: workshopReady(async (target) => void (await expect(target.locator(".reader-text mark").first()).toBeVisible())) },
    { path: `${base}/lessons`, ready: workshopReady(async (target) => void (await expect(target.getByRole("article").first()).toBeVisible())) },
    { path: `${base}/lessons/new`, ready: workshopReady() },
    { path: `${base}/note`, ready: workshopReady(async (target) => void (await expect(target.getByRole("textbox", { name: /note/i })).toBeVisible({ timeout: 30_000 }))) },
    { path: `${base}/themes`, ready: workshopReady() },
    { path: `${base}/members`, ready: workshopReady() },
    { path: `${base}/settings`, ready: workshopReady() },
  ];
}

test("every page of the roundtable passes axe at phone width, and no control overflows at 390 px or 1280 px", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsDemo(page, "Olivia Organizer");
  for (const { path, ready } of await demoPages(page)) {
    await page.setViewportSize(PHONE);
    await page.goto(path);
    await ready(page);
    await expectNoOverflow(page, { soft: true });
    await expectNoAxeViolations(page);
    await page.setViewportSize(LAPTOP);
    await expectNoOverflow(page, { soft: true });
  }
});

test("en français aussi : chaque page passe axe sur un téléphone, sans contrôle qui déborde", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  await signInAsDemo(page, "Olivia Organizer");
  const pages = await demoPages(page);
  await useLanguage(context, baseURL!, "fr");
  for (const { path, ready } of pages) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await ready(page);
    await expectNoOverflow(page, { soft: true });
    await expectNoAxeViolations(page);
  }
});
