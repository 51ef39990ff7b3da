import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { createReadingWorkshop, findThemes } from "../fixtures/reader";
import { openDemoWorkshop } from "../fixtures/workshops";
import { useLanguage } from "../first-impressions/helpers";
import { createLesson } from "../lessons/lesson-helpers";

test("\"/\" from the workshop page searches the sources: a phrase of the CSIS brief leads to its paragraph", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await openDemoWorkshop(page);
  await expect(page.getByTestId("live-count")).toContainText(/here now/);
  await page.keyboard.press("/");
  const box = page.getByRole("searchbox", { name: "Search the workshop" });
  await expect(box).toBeFocused();
  await page.keyboard.type("pastoralist populism");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`/workshops/${workshopId}/search\\?q=pastoralist\\+populism`));
  const sources = page.getByRole("region", { name: "Sources" });
  const result = sources.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Examining Extremism: Jama'at Nasr al-Islam wal Muslimin" }) });
  await expect(result.first().locator("mark").first()).toHaveText(/pastoralist/i);
  await expectNoAxeViolations(page);

  // "/" typed into a field stays there.
  const query = page.getByRole("searchbox", { name: "Words or phrase" });
  await query.fill("");
  await query.press("/");
  await expect(query).toHaveValue("/");
  await expect(query).toBeFocused();

  await result.first().getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/workshops/${workshopId}/sources/[a-z0-9]+#p\\d+$`));
  await expect(page.getByRole("heading", { level: 1, name: "Examining Extremism: Jama'at Nasr al-Islam wal Muslimin" })).toBeVisible();
});

test("a French lesson is found by another form of its words, and the search page reads in French", async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page, "Recherche");
  const [theme] = await findThemes(page, workshopId);
  const statement = `L'accord de paix n'a jamais été appliqué dans le nord ${Date.now()}`;
  const lesson = await createLesson(page, workshopId, { statement, themeIds: [theme!.id] });

  await useLanguage(context, baseURL!, "fr");
  await page.goto(`/workshops/${workshopId}/search?q=accords`);
  const lessons = page.getByRole("region", { name: "Leçons" });
  const link = lessons.getByRole("link", { name: statement });
  await expect(link).toHaveAttribute("href", `/workshops/${workshopId}/lessons#lesson-${lesson.id}`);
  await expect(link.locator("mark")).toHaveText("accord");
  await expectNoAxeViolations(page);

  // Filters are ordinary form fields: nothing but lessons, and nothing in the note.
  await page.getByLabel("Dans", { exact: true }).selectOption({ label: "Note de réunion" });
  await page.getByRole("button", { name: "Rechercher" }).last().click();
  await expect(page.getByRole("status").filter({ hasText: "Aucun résultat" })).toBeVisible();
});

test("comparing workshops shows the themes they share and how their lessons were received", async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  await signInAsDemo(page, "Olivia Organizer");
  // Its codebook has the demo workshop's theme names: every theme recurs.
  await createReadingWorkshop(page, "Compare");
  await page.goto("/workshops");
  await page.getByRole("link", { name: "Compare workshops" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare workshops" })).toBeVisible();
  const region = page.getByRole("region").first();
  await expect(region.getByRole("table")).toBeVisible();
  await expect(region.getByRole("row", { name: /Emerging Lessons from MINUSMA/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await useLanguage(context, baseURL!, "fr");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Comparer les ateliers" })).toBeVisible();
  await expectNoAxeViolations(page);
});
