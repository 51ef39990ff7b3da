import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { uniqueTitle } from "../fixtures/workshops";
import { addSource, annotate, cardWith, createReadingWorkshop, marksOf, openReader } from "../fixtures/reader";

const LONG = "The discussion covered the mandate, the host state, regional partners and the Council, and it returned more than once to the question of what a mission can do when there is no peace to keep. ";
const PARAGRAPHS = Array.from({ length: 14 }, (_, index) => `Paragraph ${index + 1}. ${LONG.repeat(2 + (index % 3))}`);
const FIRST = "Supply lines to the north were cut twice.";
const SECOND = "Helicopters were few.";
const MIDDLE = "The elections were postponed again.";
const LAST = "Drawdown plans came too late.";
PARAGRAPHS[4] = `${FIRST} ${SECOND} ${PARAGRAPHS[4]}`;
PARAGRAPHS[8] = `${MIDDLE} ${PARAGRAPHS[8]}`;
PARAGRAPHS[12] = `${LAST} ${PARAGRAPHS[12]}`;
const TEXT = PARAGRAPHS.join("\n\n");

/** The top of an element on the page, px. */
const topOf = (locator: Locator) => locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
const bottomOf = (locator: Locator) => locator.evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);

/** Characters on each full line of the longest paragraph of the text. */
function charactersPerLine(page: Page): Promise<number[]> {
  return page.locator(".reader-text p").nth(1).evaluate((paragraph) => {
    const lines = new Map<number, number>();
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) lines.set(Math.round(rect.top), (lines.get(Math.round(rect.top)) ?? 0) + 1);
      }
    }
    return [...lines.values()].slice(0, -1);
  });
}

test("cards sit beside their passages on a wide screen, make room for the selected one, and are a list on a narrow one", async ({ page }) => {
  // Its own reading workshop, and its own person: writes are rate-limited per person.
  await signInAsDemo(page, "Dalia Participant");
  const workshopId = await createReadingWorkshop(page);
  const source = { workshopId, ...(await addSource(page, workshopId, { title: uniqueTitle("Margin"), text: TEXT })) };
  const tag = Date.now();
  const first = await annotate(page, source, FIRST, { comment: `First ${tag}` });
  const second = await annotate(page, source, SECOND, { comment: `Second ${tag}` });
  const middle = await annotate(page, source, MIDDLE, { comment: `Middle ${tag}` });
  const last = await annotate(page, source, LAST, { comment: `Last ${tag}` });

  await page.setViewportSize({ width: 1400, height: 900 });
  await openReader(page, workshopId, source.sourceId);
  const card = (comment: string) => cardWith(page, `${comment} ${tag}`);
  const mark = (id: string) => marksOf(page, id).first();

  // Each card's top is its passage's top, unless the card before is in the way.
  for (const [comment, annotation] of [["First", first], ["Middle", middle], ["Last", last]] as const) {
    await expect.poll(async () => Math.abs((await topOf(card(comment))) - (await topOf(mark(annotation.id))))).toBeLessThanOrEqual(1);
  }
  // The second passage is on the same line as the first: its card comes just after the first card.
  await expect.poll(async () => Math.abs((await topOf(card("Second"))) - (await bottomOf(card("First"))) - 8)).toBeLessThanOrEqual(1);
  const lines = await charactersPerLine(page);
  expect(lines.length).toBeGreaterThanOrEqual(3);
  for (const count of lines) {
    expect(count).toBeGreaterThanOrEqual(55);
    expect(count).toBeLessThanOrEqual(85);
  }

  // The selected card aligns exactly with its passage; the one before moves up to make room.
  await card("Second").locator(".quote-button").click();
  await expect(card("Second")).toHaveAttribute("aria-current", "true");
  await expect.poll(async () => Math.abs((await topOf(card("Second"))) - (await topOf(mark(second.id))))).toBeLessThanOrEqual(1);
  await expect.poll(async () => (await topOf(card("Second"))) - (await bottomOf(card("First")))).toBeGreaterThanOrEqual(7.5);

  // A card that grows (a reply) pushes the next one down.
  await card("Second").getByLabel("Your reply").fill("A reply that makes the card taller.");
  await card("Second").getByRole("button", { name: "Reply", exact: true }).click();
  await expect(card("Second").getByRole("list", { name: "Replies" })).toBeVisible();
  await page.getByRole("complementary", { name: "Annotations" }).getByRole("button", { name: "Next" }).click();
  await expect(card("Middle")).toHaveAttribute("aria-current", "true");
  await expect.poll(async () => Math.abs((await topOf(card("Middle"))) - (await topOf(mark(middle.id))))).toBeLessThanOrEqual(1);
  await expect.poll(async () => (await topOf(card("Middle"))) - (await bottomOf(card("Second")))).toBeGreaterThanOrEqual(7.5);
  await expectNoAxeViolations(page);

  // A click on a highlight selects its annotation, whose card comes beside it.
  await mark(last.id).click();
  await expect(card("Last")).toHaveAttribute("aria-current", "true");
  await expect.poll(async () => Math.abs((await topOf(card("Last"))) - (await topOf(mark(last.id))))).toBeLessThanOrEqual(1);

  // Narrow: the margin is the list after the text.
  await page.setViewportSize({ width: 900, height: 900 });
  await expect(card("First").locator("xpath=..")).toHaveCSS("position", "static");
  const margin = page.getByRole("complementary", { name: "Annotations" });
  expect(await topOf(margin)).toBeGreaterThanOrEqual(await bottomOf(page.locator(".reader-text")));
  expect(await topOf(card("Second"))).toBeGreaterThan(await topOf(card("First")));
  await expectNoAxeViolations(page);

  // Wide again: beside the text.
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect(card("First").locator("xpath=..")).toHaveCSS("position", "absolute");
  await expect.poll(async () => Math.abs((await topOf(card("Last"))) - (await topOf(mark(last.id))))).toBeLessThanOrEqual(1);
});
