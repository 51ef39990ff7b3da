import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { uniqueTitle } from "../fixtures/workshops";
import { addSource, annotate, cardWith, createReadingWorkshop, marksOf, openReader } from "../fixtures/reader";

const FILLER = Array.from({ length: 30 }, (_, index) => `Paragraph ${index + 1} says nothing in particular about the mandate, at some length, so that the page scrolls.`);
const EARLY = "The early warning network was set up in Mopti.";
const LATE = "The liaison office in Kidal closed in the last month.";
const UNANNOTATED = "Radio programmes reached the displaced.";
const DOOMED = "The airfield in Tessalit was handed over without an inventory.";
const TEXT = [EARLY, ...FILLER.slice(0, 15), UNANNOTATED, ...FILLER.slice(15), `${LATE} ${DOOMED}`].join("\n\n");

test("#passage- and #annotation- links open the reader scrolled and highlighted; Copy link gives such a link", async ({ page, context }) => {
  await signInAsDemo(page, "Rafael Rapporteur");
  const workshopId = await createReadingWorkshop(page);
  const source = { workshopId, ...(await addSource(page, workshopId, { title: uniqueTitle("Links"), text: TEXT })) };
  const tag = Date.now();
  const early = await annotate(page, source, EARLY, { comment: `Early ${tag}` });
  const late = await annotate(page, source, LATE, { comment: `Late ${tag}` });
  // A passage nothing in the reader points to any more: its annotation was deleted.
  const gone = await annotate(page, source, UNANNOTATED, { comment: `Gone ${tag}` });
  const deleted = await page.request.delete(`/api/workshops/${workshopId}/annotations/${gone.id}`, { headers: { origin: new URL(page.url()).origin } });
  expect(deleted.status()).toBe(204);

  // A passage without annotation: fetched, highlighted as linked, focused, described by the notice.
  await openReader(page, workshopId, source.sourceId, `#passage-${gone.passage.id}`);
  const linked = page.locator(".reader-text mark.highlight-linked");
  await expect(linked).toHaveText(UNANNOTATED);
  await expect(linked).toBeFocused();
  await expect(linked).toBeInViewport();
  await expect(linked).toHaveAttribute("aria-describedby", "linked-passage-notice");
  await expect(page.locator("#linked-passage-notice")).toContainText("Linked passage, highlighted in the text:");
  await expect(page.locator("#linked-passage-notice q")).toHaveText(UNANNOTATED);
  await expectNoAxeViolations(page);

  // The fragment changes without a reload: the passage of a loaded annotation.
  await page.evaluate((id) => (window.location.hash = `#passage-${id}`), late.passage.id);
  await expect(linked).toHaveText(LATE);
  await expect(linked).toBeFocused();
  await expect(linked).toBeInViewport();

  // An annotation: its card selected and focused, its passage in view.
  await page.evaluate((id) => (window.location.hash = `#annotation-${id}`), early.id);
  await expect(cardWith(page, `Early ${tag}`)).toHaveAttribute("aria-current", "true");
  await expect(cardWith(page, `Early ${tag}`)).toBeFocused();
  await expect(marksOf(page, early.id)).toBeInViewport();
  await expect(marksOf(page, early.id)).toHaveClass(/highlight-active/);
  await expect(linked).toHaveCount(0);

  // Copy link, then open it in a fresh page.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const lateCard = cardWith(page, `Late ${tag}`);
  await lateCard.getByRole("button", { name: "Copy link" }).click();
  await expect(lateCard.getByRole("status")).toHaveText("Link copied.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${new URL(page.url()).origin}/workshops/${workshopId}/sources/${source.sourceId}#annotation-${late.id}`);
  const other = await context.newPage();
  await other.goto(copied);
  await expect(other.getByTestId("live-count")).toContainText(/here now/);
  await expect(cardWith(other, `Late ${tag}`)).toHaveAttribute("aria-current", "true");
  await expect(marksOf(other, late.id)).toBeInViewport();
  await expect(marksOf(other, late.id)).toHaveClass(/highlight-active/);
  await other.close();

  // An annotation that is not there (deleted): said so.
  await page.evaluate((id) => (window.location.hash = `#annotation-${id}`), gone.id);
  await expect(page.locator("#linked-passage-notice")).toContainText("The linked annotation is not here");
});

test("a #passage- link to a passage lost in a revision shows a notice with its quote", async ({ page }) => {
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page);
  const source = { workshopId, ...(await addSource(page, workshopId, { title: uniqueTitle("Lost passage"), text: TEXT })) };
  const doomed = await annotate(page, source, DOOMED, { comment: `Doomed ${Date.now()}` });
  const revised = await page.request.put(`/api/workshops/${workshopId}/sources/${source.sourceId}/text`, {
    data: { markup: TEXT.replace(` ${DOOMED}`, "") },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(revised.status(), await revised.text()).toBe(200);
  expect(((await revised.json()) as { orphaned: number }).orphaned).toBe(1);

  await openReader(page, workshopId, source.sourceId, `#passage-${doomed.passage.id}`);
  const notice = page.locator("#linked-passage-notice");
  await expect(notice).toContainText("The linked passage was not found in the text after a revision. It quoted:");
  await expect(notice.locator("q")).toHaveText(DOOMED);
  await expect(notice).toBeFocused();
  await expect(page.locator(".reader-text mark.highlight-linked")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe("");
});
