import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { signInWithMagicLink } from "../fixtures/magic-link";
import { CHATHAM_HOUSE_BANNER, createWorkshop, uniqueTitle } from "../fixtures/workshops";
import { expectToast } from "../fixtures/toast";

// The date input's keyboard segments and the date shown afterwards follow the browser's locale.
test.use({ locale: "en-US" });

/** Presses Tab until `target` has the focus: proves it is reachable from the keyboard. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} not reached after ${maxPresses} presses of Tab`);
}

test("a workshop can be created with the keyboard alone; an empty title creates nothing", async ({ page }) => {
  // A magic-link sign-in, three pages checked with axe and some forty presses of Tab: past 30 s
  // on a busy machine.
  test.setTimeout(60_000);
  await signInWithMagicLink(page);
  const noWorkshops = page.getByText("You are not a member of any workshop yet.");
  await expect(noWorkshops).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: "New workshop" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/workshops\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "New workshop" })).toBeVisible();
  await expectNoAxeViolations(page);

  const title = page.getByLabel("Title");
  const create = page.getByRole("button", { name: "Create workshop" });

  // Empty: the browser's own check stops it and puts the focus on the title.
  await tabTo(page, create);
  await page.keyboard.press("Enter");
  await expect(title).toBeFocused();
  expect(await title.evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
  await expect(page).toHaveURL(/\/workshops\/new$/);

  // Blank (spaces pass the browser's check): the server refuses it.
  await page.keyboard.type("   ");
  await tabTo(page, create);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Give the workshop a title.");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await expect(page).toHaveURL(/\/workshops\/new$/);

  await page.goto("/workshops");
  await expect(noWorkshops).toBeVisible();

  // Now for real, still without the mouse.
  const workshopTitle = uniqueTitle("Keyboard workshop");
  await tabTo(page, page.getByRole("link", { name: "New workshop" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/workshops\/new$/);
  await tabTo(page, title);
  await page.keyboard.type(workshopTitle);
  await tabTo(page, page.getByLabel("Description"));
  await page.keyboard.type("Lessons from the field, typed without a mouse.");
  const date = page.getByLabel("Date");
  await tabTo(page, date);
  await page.keyboard.type("03142026"); // month, day, year segments (en-US)
  await expect(date).toHaveValue("2026-03-14");
  await tabTo(page, page.getByLabel("Place"));
  await page.keyboard.type("Geneva");
  await expect(page.getByRole("radio", { name: /Chatham House Rule/ })).toBeChecked();
  await tabTo(page, create);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/workshops\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: workshopTitle })).toBeVisible();
  await expect(page.getByText("March 14, 2026")).toBeVisible();
  await expect(page.getByText("Geneva")).toBeVisible();
  await expect(page.getByText("Your role: Organizer")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Rule of attribution" })).toHaveText(CHATHAM_HOUSE_BANNER);
  await expect(page.getByText("No sources yet.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/workshops");
  const list = page.getByRole("list", { name: "My workshops" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("link", { name: workshopTitle })).toBeVisible();
});

test("an organizer edits a workshop in Settings, closes it, reopens it and archives it", async ({ page }) => {
  // Many page loads and confirmations in one story: more than the default 30 s on a busy runner.
  test.setTimeout(60_000);
  await signInWithMagicLink(page);
  const originalTitle = uniqueTitle("Settings workshop");
  await createWorkshop(page, { title: originalTitle, place: "Nairobi" });

  await page.getByRole("navigation", { name: "Workshop" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workshop settings" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page);

  // Edit.
  const newTitle = uniqueTitle("Renamed workshop");
  await expect(page.getByLabel("Title")).toHaveValue(originalTitle);
  await expect(page.getByLabel("Place")).toHaveValue("Nairobi");
  // A Chatham House workshop cannot become attributed.
  await expect(page.getByRole("radio", { name: /Attributed/ })).toHaveCount(0);
  await expect(page.getByText("This workshop uses the Chatham House Rule. It cannot become attributed")).toBeVisible();
  await page.getByLabel("Title").fill(newTitle);
  await page.getByLabel("Place").fill("Addis Ababa");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expectToast(page, "Changes saved.");

  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
  await expect(page.getByText("Addis Ababa")).toBeVisible();
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workshop settings" })).toBeVisible();

  // Close: read-only for everyone.
  await page.getByRole("button", { name: "Close (read-only)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "This workshop is closed: everything is read-only." })).toBeVisible();
  await expect(page.getByText("The workshop is not open, so its details cannot be edited.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveCount(0);
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("status").filter({ hasText: "This workshop is closed: everything is read-only." })).toBeVisible();
  await page.getByRole("link", { name: "Settings" }).click();

  // Reopen.
  await page.getByRole("button", { name: "Reopen" }).click();
  await expect(page.getByText("The workshop is open: members can contribute.")).toBeVisible();
  await expect(page.getByText("This workshop is closed: everything is read-only.")).toHaveCount(0);
  await expect(page.getByLabel("Title")).toHaveValue(newTitle);

  // Archive: final, so it asks first; cancelling keeps the workshop as it was.
  await page.getByRole("button", { name: "Archive" }).click();
  const archiveDialog = page.getByRole("alertdialog", { name: "Archive this workshop?" });
  await archiveDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(archiveDialog).toHaveCount(0);
  await expect(page.getByText("The workshop is open: members can contribute.")).toBeVisible();
  await page.getByRole("button", { name: "Archive" }).click();
  await archiveDialog.getByRole("button", { name: "Archive the workshop" }).click();
  await expect(page.getByRole("status").filter({ hasText: "This workshop is archived: it is a read-only record." })).toBeVisible();
  await expect(page.getByText("The workshop is archived: it is a read-only record and cannot be reopened.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reopen" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Close (read-only)" })).toHaveCount(0);

  // Archived workshops leave the default list and stay readable under their own tab.
  await page.goto("/workshops");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: newTitle }) });
  await expect(page.getByRole("heading", { level: 1, name: "My workshops" })).toBeVisible();
  await expect(card).toHaveCount(0);
  await page.getByRole("link", { name: /^Archived/ }).click();
  await expect(card).toContainText("Archived");
});
