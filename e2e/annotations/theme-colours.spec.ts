import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { uniqueTitle } from "../fixtures/workshops";
import { addSource, annotate, cardWith, createReadingWorkshop, findThemes, marksOf, openReader, rgb } from "../fixtures/reader";
import { THEME_COLORS, UNTAGGED_HIGHLIGHT, type ThemeColor } from "../../lib/themes/palette";

const TEXT = [
  "The convoy reached Gao after four days on the road.",
  "Local leaders asked the mission to stay until the elections were held in the regions.",
  "The Security Council renewed the mandate with a narrower focus on civilians.",
  "Regional partners offered troops but no helicopters.",
].join("\n\n");

test("highlights take their themes' colours, striped for several; names on hover and in chips; filtering by several themes", async ({ page }) => {
  // Four annotations made through the API, the reader read on screen and on paper.
  test.setTimeout(60_000);
  await signInAsDemo(page, "Rafael Rapporteur");
  const workshopId = await createReadingWorkshop(page);
  const source = { workshopId, ...(await addSource(page, workshopId, { title: uniqueTitle("Colours"), text: TEXT })) };
  const themes = await findThemes(page, workshopId);
  expect(themes.length).toBeGreaterThanOrEqual(4);
  const [first, second, third, fourth] = themes as [(typeof themes)[0], (typeof themes)[0], (typeof themes)[0], (typeof themes)[0]];
  const fill = (theme: { color: string }) => rgb(THEME_COLORS[theme.color as ThemeColor].highlight);

  const tag = Date.now();
  const untagged = await annotate(page, source, "The convoy reached Gao", { comment: `Untagged ${tag}` });
  const single = await annotate(page, source, "Local leaders asked the mission", { comment: `One theme ${tag}`, themeIds: [first.id] });
  const double = await annotate(page, source, "renewed the mandate with a narrower focus", { comment: `Two themes ${tag}`, themeIds: [second.id, third.id] });
  // Overlaps the two-theme annotation on "a narrower focus".
  const overlapping = await annotate(page, source, "a narrower focus on civilians", { comment: `Overlapping ${tag}`, themeIds: [fourth.id] });

  // An edited annotation says so (and never when).
  const edited = await page.request.patch(`/api/workshops/${workshopId}/annotations/${single.id}`, {
    data: { comment: `One theme ${tag}, reworded`, themeIds: [first.id] },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(edited.status(), await edited.text()).toBe(200);

  await page.setViewportSize({ width: 1400, height: 900 });
  await openReader(page, workshopId, source.sourceId);
  await expect(cardWith(page, `One theme ${tag}, reworded`).locator(".meta .badge", { hasText: "edited" })).toBeVisible();
  await expect(cardWith(page, `Two themes ${tag}`).locator(".meta .badge", { hasText: "edited" })).toHaveCount(0);

  await expect(marksOf(page, untagged.id)).toHaveCSS("background-color", rgb(UNTAGGED_HIGHLIGHT));
  await expect(marksOf(page, single.id)).toHaveCSS("background-color", fill(first));
  // Two themes: diagonal stripes of both colours.
  const striped = marksOf(page, double.id).first();
  await expect(striped).toHaveCSS("background-image", /repeating-linear-gradient/);
  const stripes = await striped.evaluate((mark) => getComputedStyle(mark).backgroundImage);
  expect(stripes).toContain(fill(second));
  expect(stripes).toContain(fill(third));
  // Where two annotations overlap, a thicker underline and the colours of both.
  const overlap = page.locator(`.reader-text mark[data-annotation-ids~="${double.id}"][data-annotation-ids~="${overlapping.id}"]`);
  await expect(overlap).toHaveText("a narrower focus");
  await expect(overlap).toHaveCSS("border-bottom-width", "4px");
  const overlapStripes = await overlap.evaluate((mark) => getComputedStyle(mark).backgroundImage);
  for (const theme of [second, third, fourth]) expect(overlapStripes).toContain(fill(theme));

  // Theme names on hover, and as chips in the card.
  await marksOf(page, double.id).first().hover();
  await expect(marksOf(page, double.id).first()).toHaveAttribute("title", `${second.name} · ${third.name}`);
  await marksOf(page, untagged.id).hover();
  await expect(marksOf(page, untagged.id)).toHaveAttribute("title", "No theme");
  const chips = cardWith(page, `Two themes ${tag}`).getByRole("list", { name: "Themes" });
  await expect(chips.getByRole("listitem")).toHaveText([second.name, third.name]);
  await expect(chips.getByRole("listitem").first()).toHaveCSS("background-color", fill(second));

  // Several themes at once: any of them. The filters are folded under a summary of what is shown.
  const summary = page.locator(".filter-details > summary");
  await expect(summary).toHaveText("Show: All annotations");
  await summary.click();
  const filters = page.getByRole("group", { name: "Show" });
  await filters.getByRole("checkbox", { name: first.name }).check();
  await filters.getByRole("checkbox", { name: fourth.name }).check();
  await expect(cardWith(page, `One theme ${tag}`)).toBeVisible();
  await expect(cardWith(page, `Overlapping ${tag}`)).toBeVisible();
  await expect(cardWith(page, `Two themes ${tag}`)).toHaveCount(0);
  await expect(cardWith(page, `Untagged ${tag}`)).toHaveCount(0);
  await expect(marksOf(page, double.id)).toHaveCount(0);
  await expect(marksOf(page, single.id)).toHaveCount(1);
  // "No theme" adds the untagged ones; "Mine" narrows to the viewer's.
  await filters.getByRole("checkbox", { name: "No theme" }).check();
  await expect(cardWith(page, `Untagged ${tag}`)).toBeVisible();
  await filters.getByRole("checkbox", { name: "Mine" }).check();
  await expect(cardWith(page, `Untagged ${tag}`)).toBeVisible();
  await expect(summary).toHaveText("Show: 3 themes · Mine");
  await expectNoAxeViolations(page);
  await filters.getByRole("button", { name: "All annotations" }).click();
  await expect(filters.getByRole("checkbox", { name: first.name })).not.toBeChecked();
  for (const comment of ["Untagged", "One theme", "Two themes", "Overlapping"]) await expect(cardWith(page, `${comment} ${tag}`)).toBeVisible();
  await expect(filters.getByRole("button", { name: "All annotations" })).toHaveAttribute("aria-pressed", "true");

  // On paper: the text with its highlights in their colours, the annotations after it as notes;
  // no header, no filters, no buttons but the quotes'.
  const header = page.locator(".site-header");
  await expect(header).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(header).toBeHidden();
  await expect(summary).toBeHidden();
  for (const button of await page.locator(".reader-page button:not(.quote-button)").all()) await expect(button).toBeHidden();
  await expect(marksOf(page, single.id)).toHaveCSS("background-color", fill(first));
  for (const comment of ["Untagged", "One theme", "Two themes", "Overlapping"]) await expect(cardWith(page, `${comment} ${tag}`)).toBeVisible();
});
