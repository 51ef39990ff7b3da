import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { createReadingWorkshop, findThemes } from "../fixtures/reader";
import { createLesson, lessonCard, openBoard } from "./lesson-helpers";

test("the author edits a lesson, the organizer hides and shows it again, and the author deletes it after confirming", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page, "Edit lessons");
  const [first, second] = await findThemes(page, workshopId);
  const { statement } = await createLesson(page, workshopId, { statement: "Drafted in a hurry", themeIds: [first!.id] });

  await openBoard(page, workshopId);
  await lessonCard(page, statement).getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit the lesson" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Statement" })).toHaveValue(statement);
  const edited = "Said better after a second look";
  await page.getByRole("textbox", { name: "Statement" }).fill(edited);
  await page.getByRole("textbox", { name: "Elaboration (optional)" }).fill("First paragraph.\n\nSecond paragraph.");
  await page.getByRole("checkbox", { name: second!.name }).check();
  await page.getByRole("button", { name: "Save changes" }).click();

  const card = lessonCard(page, edited);
  await expect(card).toBeFocused();
  await expect(card).toContainText("edited");
  await expect(card).toContainText(`Also under ${second!.name}`);
  await card.getByText("Elaboration").click();
  await expect(card.getByText("Second paragraph.")).toBeVisible();

  await card.getByRole("button", { name: "Hide" }).click();
  await expect(card).toContainText("hidden");
  await card.getByRole("button", { name: "Unhide" }).click();
  await expect(card.getByRole("button", { name: "Hide" })).toBeVisible();

  await card.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete this lesson?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete the lesson" }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByText("No lessons yet.", { exact: false })).toBeVisible();
});
