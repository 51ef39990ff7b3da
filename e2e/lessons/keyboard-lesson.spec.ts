import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { tabTo } from "../fixtures/keyboard";
import { createReadingWorkshop, findThemes } from "../fixtures/reader";
import { lessonCard, openBoard } from "./lesson-helpers";

test("a lesson written and endorsed with the keyboard alone (Tab, Enter, Space)", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page, "Keyboard lesson");
  const [theme] = await findThemes(page, workshopId);
  await openBoard(page, workshopId);
  await expect(page.getByText("No lessons yet.", { exact: false })).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: "Write a lesson" }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Write a lesson" })).toBeVisible();

  const statement = `Mandates outran the means given to the mission ${Date.now()}`;
  await tabTo(page, page.getByRole("textbox", { name: "Statement" }));
  await page.keyboard.type(statement);
  await expect(page.getByText(`${statement.length} of 400 characters`)).toBeVisible();
  await tabTo(page, page.getByRole("checkbox", { name: theme!.name }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: theme!.name })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Publish the lesson" }));
  await page.keyboard.press("Enter");

  const card = lessonCard(page, statement);
  await expect(card).toBeFocused();
  await tabTo(page, card.getByRole("button", { name: "Endorse" }), 20);
  await page.keyboard.press("Space");
  await expect(card.getByRole("button", { name: "Endorse" })).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByTestId("lesson-phrase")).toHaveText("One participant");
  await tabTo(page, card.getByRole("button", { name: "Withdraw your stance" }), 10);
  await page.keyboard.press("Enter");
  await expect(card.getByRole("button", { name: "Endorse" })).toHaveAttribute("aria-pressed", "false");
});
