import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { addSource, annotate, cardWith, createReadingWorkshop, findThemes, openReader } from "../fixtures/reader";

const TEXT = "Regional partners stepped in late, and the consent of the host state faded over the years.";

test("“Turn into a lesson” on an annotation pre-fills its passage and themes; the lesson appears on the board", async ({ page }) => {
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page, "Turn into a lesson");
  const [first, second] = await findThemes(page, workshopId);
  const source = await addSource(page, workshopId, { title: "Field notes", text: TEXT });
  await annotate(page, { workshopId, ...source }, "the consent of the host state faded", { comment: "Consent faded", themeIds: [first!.id, second!.id] });

  await openReader(page, workshopId, source.sourceId);
  await cardWith(page, "Consent faded").getByRole("link", { name: "Turn into a lesson" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a lesson" })).toBeVisible();
  const evidence = page.getByRole("group", { name: "Evidence" });
  await expect(evidence.getByRole("listitem").first()).toContainText("the consent of the host state faded");
  const themes = page.getByRole("group", { name: "Themes (at least one)" });
  await expect(themes.getByRole("checkbox", { name: first!.name })).toBeChecked();
  await expect(themes.getByRole("checkbox", { name: second!.name })).toBeChecked();

  const statement = `Consent of the host state cannot be taken for granted ${Date.now()}`;
  await page.getByRole("textbox", { name: "Statement" }).fill(statement);
  await evidence.getByRole("textbox", { name: "Note on this passage (optional)" }).fill("Said twice in the room");
  await page.getByRole("button", { name: "Publish the lesson" }).click();

  await expect(page).toHaveURL(new RegExp(`/workshops/${workshopId}/lessons#lesson-`));
  const card = page.getByRole("article", { name: statement });
  await expect(card).toBeFocused();
  // Listed under its first theme in codebook order; the other shows as a chip.
  await expect(page.getByRole("region", { name: first!.name }).getByRole("article", { name: statement })).toBeVisible();
  await expect(card).toContainText(`Also under ${second!.name}`);
  await expect(card).toContainText("1 passage from 1 source");
  const chip = card.getByRole("list", { name: "Evidence" }).getByRole("link");
  await expect(chip).toContainText("the consent of the host state faded");
  await expect(chip).toHaveAttribute("href", new RegExp(`/workshops/${workshopId}/sources/${source.sourceId}#passage-`));
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`/sources/${source.sourceId}#passage-`));
  await expect(page.locator("mark.highlight", { hasText: "consent" }).first()).toBeVisible();
});

test("“New lesson from this passage” on a selection in the reader makes the passage the lesson's evidence", async ({ page }) => {
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page, "Lesson from a selection");
  const [first] = await findThemes(page, workshopId);
  const source = await addSource(page, workshopId, { title: "Field notes", text: TEXT });

  await openReader(page, workshopId, source.sourceId);
  await page.getByRole("textbox", { name: "Find a passage to annotate" }).fill("Regional partners stepped in late");
  await page.getByRole("textbox", { name: "Find a passage to annotate" }).press("Enter");
  await page.getByRole("region", { name: "New annotation" }).getByRole("link", { name: "New lesson from this passage" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Write a lesson" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Evidence" }).getByRole("listitem").first()).toContainText("Regional partners stepped in late");
  const statement = `Regional partners came in late ${Date.now()}`;
  await page.getByRole("textbox", { name: "Statement" }).fill(statement);
  await page.getByRole("checkbox", { name: first!.name }).check();
  await page.getByRole("button", { name: "Publish the lesson" }).click();

  const card = page.getByRole("article", { name: statement });
  await expect(card).toContainText("1 passage from 1 source");
  await expect(card.getByRole("list", { name: "Evidence" })).toContainText("Regional partners stepped in late");
});
