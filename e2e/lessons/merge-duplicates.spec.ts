import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { createReadingWorkshop, findThemes } from "../fixtures/reader";
import { createLesson, lessonCard, openBoard } from "./lesson-helpers";

test("merging a duplicate keeps the union of themes; someone who endorsed one and disputed the other is told and asked again", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page, "Merge lessons");
  const [first, second] = await findThemes(page, workshopId);
  const kept = await createLesson(page, workshopId, { statement: "The mission lacked the means its mandate assumed", themeIds: [first!.id] });
  const duplicate = await createLesson(page, workshopId, { statement: "Mandate and means never matched", themeIds: [second!.id] });

  await openBoard(page, workshopId);
  await lessonCard(page, kept.statement).getByRole("button", { name: "Endorse" }).click();
  await expect(lessonCard(page, kept.statement).getByRole("button", { name: "Endorse" })).toHaveAttribute("aria-pressed", "true");
  await lessonCard(page, duplicate.statement).getByRole("button", { name: "Dispute" }).click();
  await expect(lessonCard(page, duplicate.statement).getByRole("button", { name: "Dispute" })).toHaveAttribute("aria-pressed", "true");

  const card = lessonCard(page, kept.statement);
  await card.getByRole("button", { name: "Merge a duplicate into this lesson" }).click();
  await card.getByRole("combobox", { name: `Duplicate of “${kept.statement}”` }).selectOption({ label: duplicate.statement });
  await card.getByRole("button", { name: "Merge", exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: "Merge the duplicate into this lesson?" });
  await expect(dialog).toContainText("someone who endorsed one and disputed the other has their stance withdrawn");
  await dialog.getByRole("button", { name: "Merge the lessons" }).click();

  await expect(lessonCard(page, duplicate.statement)).toHaveCount(0);
  await expect(card).toContainText(`Also under ${second!.name}`);
  await expect(card.getByRole("button", { name: "Endorse" })).toHaveAttribute("aria-pressed", "false");

  // The notice waits for the next visit.
  await openBoard(page, workshopId);
  const notice = page.getByRole("status").filter({ hasText: "A lesson you had a stance on was merged with another; your stance was withdrawn: take it again." });
  await expect(notice).toBeVisible();
  await notice.getByRole("link", { name: "Go to the lesson" }).click();
  await expect(lessonCard(page, kept.statement)).toBeFocused();
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
  await openBoard(page, workshopId);
  await expect(page.getByText("your stance was withdrawn")).toHaveCount(0);
});
