import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { uniqueTitle } from "../fixtures/workshops";
import { addSource, cardWith, createReadingWorkshop, findThemes, openReader } from "../fixtures/reader";

const TEXT = [
  "Field report from the northern sector.",
  "After the withdrawal, the mission’s protected civilians in the northern regions were left without patrols, and local committees took over.",
  "The committees asked for radios.",
].join("\n\n");

/** Presses Tab until `target` has the focus; returns how many presses it took. */
async function tabUntil(page: Page, isTarget: () => Promise<boolean>, limit = 30): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (await isTarget()) return presses;
  }
  throw new Error(`not reached in ${limit} Tab presses`);
}

test("keyboard only: reach the finder in a few Tabs, find with a typo, adjust by words, tag two themes, save; delete asks first", async ({ page }) => {
  // Its own reading workshop, and its own person: writes are rate-limited per person.
  await signInAsDemo(page, "Chen Participant");
  const workshopId = await createReadingWorkshop(page);
  const { sourceId } = await addSource(page, workshopId, { title: uniqueTitle("Keyboard"), text: TEXT });
  const themes = await findThemes(page, workshopId);
  await openReader(page, workshopId, sourceId);

  // From the top of the page: the skip link to the content, then the one to the finder.
  const finder = page.getByRole("textbox", { name: "Find a passage to annotate" });
  const skipToContent = page.getByRole("link", { name: "Skip to content" });
  const skipToFinder = page.getByRole("link", { name: "Skip to the passage finder" });
  let presses = await tabUntil(page, () => skipToContent.evaluate((link) => link === document.activeElement));
  await page.keyboard.press("Enter");
  presses += await tabUntil(page, () => skipToFinder.evaluate((link) => link === document.activeElement));
  await page.keyboard.press("Enter");
  await expect(finder).toBeFocused();
  // Skip links, the workshop tabs (an organizer's: Review and Export among them), the header's
  // search box with its button and "Who can see what" come before the finder.
  expect(presses).toBeLessThanOrEqual(14);

  // A typo and a straight apostrophe still find the passage (the text has "mission’s protected").
  await page.keyboard.type("missions protectd civilians");
  await page.keyboard.press("Enter");
  const newAnnotation = page.getByRole("region", { name: "New annotation" });
  const quote = newAnnotation.locator(".pending-quote q");
  await expect(quote).toHaveText("mission’s protected civilians");
  await expect(page.getByText("Closest passage selected (not an exact match): adjust it or annotate it.")).toBeVisible();
  await expect(page.locator(".reader-text mark.highlight-pending").first()).toBeVisible();

  // Adjust by a word at either end, with the shortcuts (from the finder) and the buttons.
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(quote).toHaveText("mission’s protected civilians in");
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await page.keyboard.press("Alt+Shift+ArrowUp");
  await expect(quote).toHaveText("the mission’s protected civilians in the");
  await page.keyboard.press("Alt+Shift+ArrowDown");
  await expect(quote).toHaveText("mission’s protected civilians in the");
  const addAfter = newAnnotation.getByRole("button", { name: "Add word after" });
  await expect(addAfter).toHaveAttribute("aria-keyshortcuts", "Alt+Shift+ArrowRight");
  await tabUntil(page, () => addAfter.evaluate((button) => button === document.activeElement));
  await page.keyboard.press("Enter");
  await expect(quote).toHaveText("mission’s protected civilians in the northern");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(quote).toHaveText("mission’s protected civilians in the");
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(quote).toHaveText("mission’s protected civilians in the northern regions");

  // Comment, two themes, save: Tab and Space only.
  const comment = `Patrols gap ${Date.now()}`;
  const commentBox = newAnnotation.getByLabel("Comment (optional)");
  await tabUntil(page, () => commentBox.evaluate((box) => box === document.activeElement));
  await page.keyboard.type(comment);
  // Alt+Shift+arrows in the comment are the text field's own: the passage stays.
  await page.keyboard.press("Alt+Shift+ArrowLeft");
  await expect(quote).toHaveText("mission’s protected civilians in the northern regions");
  const picker = newAnnotation.getByRole("group", { name: "Themes" });
  await page.keyboard.press("Tab");
  await expect(picker.getByRole("checkbox", { name: themes[0]!.name })).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(picker.getByRole("checkbox", { name: themes[2]!.name })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(picker.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await expectNoAxeViolations(page);
  const save = newAnnotation.getByRole("button", { name: "Annotate" });
  await tabUntil(page, () => save.evaluate((button) => button === document.activeElement));
  await page.keyboard.press("Enter");

  // The new card has the focus, its quote, its themes, and its highlight is striped.
  const card = cardWith(page, comment);
  await expect(card).toBeFocused();
  await expect(card.locator(".quote-button q")).toHaveText("mission’s protected civilians in the northern regions");
  await expect(card.getByRole("list", { name: "Themes" }).getByRole("listitem")).toHaveText([themes[0]!.name, themes[2]!.name]);
  await expect(page.locator(".reader-text mark.highlight-active").first()).toHaveCSS("background-image", /repeating-linear-gradient/);

  // Deleting asks first: Escape keeps the annotation, confirming deletes it.
  const remove = card.getByRole("button", { name: "Delete", exact: true });
  await tabUntil(page, () => remove.evaluate((button) => button === document.activeElement));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Delete this annotation?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expect(card).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Delete the annotation" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(card).toHaveCount(0);
});
