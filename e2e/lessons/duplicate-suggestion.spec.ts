import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { createReadingWorkshop, findThemes } from "../fixtures/reader";
import { createLesson, lessonCard } from "./lesson-helpers";

test("a similar lesson is suggested while typing, and “Endorse this instead” endorses it", async ({ page }) => {
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page, "Duplicates");
  const [theme] = await findThemes(page, workshopId);
  const existing = await createLesson(page, workshopId, { statement: "Regional organisations stepped in too late to shape the transition", themeIds: [theme!.id] });
  await createLesson(page, workshopId, { statement: "Early warning data was rarely shared with troop contributors", themeIds: [theme!.id] });

  await page.goto(`/workshops/${workshopId}/lessons/new`);
  await page.getByRole("textbox", { name: "Statement" }).pressSequentially("Regional organisations stepped in late", { delay: 20 });
  const similar = page.getByRole("region", { name: "Similar lessons already on the board" });
  const suggestion = similar.getByRole("listitem").filter({ hasText: existing.statement });
  await expect(suggestion).toBeVisible();
  await expect(similar).not.toContainText("Early warning data");
  await suggestion.getByRole("button", { name: "Endorse this instead" }).click();

  await expect(page).toHaveURL(new RegExp(`/lessons#lesson-${existing.id}$`));
  const card = lessonCard(page, existing.statement);
  await expect(card).toBeFocused();
  await expect(card.getByRole("button", { name: "Endorse" })).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByTestId("lesson-phrase")).toHaveText("One participant");
});
