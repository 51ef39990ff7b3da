import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { addSource, annotate, createReadingWorkshop, findThemes } from "../fixtures/reader";
import { createLesson, lessonCard, openBoard } from "./lesson-helpers";

test.use({ locale: "en-US" });

async function switchLanguage(page: Page, label: "Français" | "English", name: "Language" | "Langue"): Promise<void> {
  await page.getByRole("combobox", { name }).selectOption({ label });
  await expect(page.locator("html")).toHaveAttribute("lang", label === "Français" ? "fr" : "en");
}

test("the board and the lesson form pass axe in English and in French", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page, "Lessons axe");
  const [first, second] = await findThemes(page, workshopId);
  const source = await addSource(page, workshopId, { title: "Field notes", text: "Consent of the host state faded over the years." });
  const annotation = await annotate(page, { workshopId, ...source }, "Consent of the host state", { comment: "Consent", themeIds: [first!.id] });
  const statement = "Consent of the host state faded over the years";
  await createLesson(page, workshopId, {
    statement,
    elaboration: "It faded slowly.\n\nThen all at once.",
    themeIds: [first!.id, second!.id],
    evidence: [{ passageId: annotation.passage.id, note: "Said twice" }],
  });
  await createLesson(page, workshopId, { statement: "Regional partners stepped in late", themeIds: [second!.id] });

  await openBoard(page, workshopId);
  const card = lessonCard(page, statement);
  await expect(card).toContainText("1 passage from 1 source");
  await card.getByText("Elaboration").click();
  await card.getByRole("button", { name: "Merge a duplicate into this lesson" }).click();
  await expectNoAxeViolations(page);

  await page.goto(`/workshops/${workshopId}/lessons/new?passage=${annotation.passage.id}&themes=${first!.id}`);
  await page.getByRole("textbox", { name: "Statement" }).fill("Consent of the host state");
  await expect(page.getByRole("region", { name: "Similar lessons already on the board" })).toBeVisible();
  await expectNoAxeViolations(page);

  await switchLanguage(page, "Français", "Language");
  await expect(page.getByRole("heading", { level: 1, name: "Écrire une leçon" })).toBeVisible();
  await page.getByRole("textbox", { name: "Énoncé" }).fill("Consent of the host state");
  await expect(page.getByRole("region", { name: "Leçons semblables déjà au tableau" })).toBeVisible();
  await expectNoAxeViolations(page);

  await openBoard(page, workshopId);
  await expect(page.getByRole("heading", { level: 1, name: "Leçons" })).toBeVisible();
  await expect(lessonCard(page, statement)).toContainText("1 passage de 1 source");
  await expectNoAxeViolations(page);
  await switchLanguage(page, "English", "Langue");
});
