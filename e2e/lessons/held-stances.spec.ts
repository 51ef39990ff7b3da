import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { createReadingWorkshop, findThemes } from "../fixtures/reader";
import { createLesson, lessonCard, openBoard } from "./lesson-helpers";
import { expectToast } from "../fixtures/toast";

test("an organizer holds stances in the settings, members see only their own, then the organizer reveals them", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page, "Held stances");
  const [theme] = await findThemes(page, workshopId);
  const { statement } = await createLesson(page, workshopId, { statement: "Early stances should not sway later ones", themeIds: [theme!.id] });

  await page.goto(`/workshops/${workshopId}/settings`);
  const settings = page.getByRole("region", { name: "Lessons and consensus" });
  await settings.getByRole("checkbox", { name: "Keep stances hidden until revealed" }).check();
  await expect(settings).toContainText("“a few”, 2 to 3");
  await settings.getByRole("spinbutton", { name: "“A few”: at most this many endorsements" }).fill("4");
  await expect(settings).toContainText("“a few”, 2 to 4");
  await expectNoAxeViolations(page);
  await settings.getByRole("button", { name: "Save lesson settings" }).click();
  await expectToast(page, "Lesson settings saved.");

  await openBoard(page, workshopId);
  await expect(page.getByText("Stances are hidden until an organizer reveals them.")).toBeVisible();
  const card = lessonCard(page, statement);
  await card.getByRole("button", { name: "Endorse" }).click();
  await expect(card.getByRole("button", { name: "Endorse" })).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByTestId("lesson-phrase")).toHaveText("Hidden until revealed");
  await expect(card).toContainText("Your stance: you endorse it");

  await page.getByRole("button", { name: "Reveal stances" }).click();
  await page.getByRole("alertdialog", { name: "Reveal the stances now?" }).getByRole("button", { name: "Reveal stances" }).click();
  await expect(card.getByTestId("lesson-phrase")).toHaveText("One participant");
  await expect(page.getByText("Stances are hidden until an organizer reveals them.")).toHaveCount(0);
});
