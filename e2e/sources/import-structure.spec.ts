import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { createWorkshop, uniqueTitle } from "../fixtures/workshops";

const HEADING = "Lessons from the Mopti convoys";
const ITEMS = ["Fuel arrived late every week", "Escorts were too few for the road", "Radios failed in the heat"];
const REPORT_URL = "https://example.org/mopti-report";
const MARKDOWN = [
  `# ${HEADING}`,
  "",
  "The review found three constraints:",
  "",
  "- Fuel arrived **late** every week",
  "- Escorts were too few for the road",
  "- Radios failed in the heat",
  "",
  "> The convoy is only as fast as its slowest truck.",
  "> It was said more than once.",
  "",
  `Read [the full report](${REPORT_URL}) for details.`,
].join("\n");

/** Where `phrase` is on screen: the middle-left of its first letter and middle-right of its last. */
async function locatePhrase(page: Page, phrase: string) {
  return page.locator(".reader-text").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent!.indexOf(wanted);
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      // Mid-screen: a drag that starts at the window's edge scrolls the page and moves the selection.
      node.parentElement!.scrollIntoView({ block: "center" });
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`phrase not found in one text node: ${wanted}`);
  }, phrase);
}

/** Drags the mouse from the start of `from` to the end of `to` in the reader, as a person selecting would. */
async function dragSelect(page: Page, from: string, to = from): Promise<void> {
  const start = await locatePhrase(page, from);
  const end = await locatePhrase(page, to);
  await page.mouse.move(start.x1, start.y1);
  await page.mouse.down();
  await page.mouse.move(end.x2, end.y2, { steps: 8 });
  await page.mouse.up();
}

test("an uploaded Markdown file fills the title, and its list, quote and link render and annotate in the reader", async ({ page }) => {
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createWorkshop(page, { title: uniqueTitle("Structure e2e") });
  await page.goto(`/workshops/${workshopId}/sources/new`);
  await page.getByRole("radio", { name: "Upload a file" }).check();

  const file = page.getByLabel("File", { exact: true });
  const title = page.getByLabel("Title");
  await file.setInputFiles({ name: "mopti_convoys.md", mimeType: "text/markdown", buffer: Buffer.from(MARKDOWN) });
  await expect(title).toHaveValue(HEADING);
  await expect(title).toHaveAccessibleDescription("Filled in from the document; you can change it.");
  await expectNoAxeViolations(page);

  // The title stays editable, and choosing another file does not overwrite what was typed.
  const edited = uniqueTitle("Mopti convoys, as reviewed");
  await title.fill(edited);
  await file.setInputFiles({ name: "other-notes.md", mimeType: "text/markdown", buffer: Buffer.from("# Another heading\n\nText.") });
  await file.setInputFiles({ name: "mopti_convoys.md", mimeType: "text/markdown", buffer: Buffer.from(MARKDOWN) });
  await expect(title).toHaveValue(edited);
  await page.getByRole("button", { name: "Add the source" }).click();

  await expect(page).toHaveURL(new RegExp(`/workshops/${workshopId}/sources/[^/]+$`));
  await expect(page.getByRole("heading", { level: 1, name: edited })).toBeVisible();
  const reader = page.locator(".reader-text");
  await expect(reader.locator("ul > li")).toHaveText(ITEMS);
  await expect(reader.locator("ul > li").first().locator("strong")).toHaveText("late");
  await expect(reader.locator("blockquote")).toHaveText("The convoy is only as fast as its slowest truck. It was said more than once.");
  const link = reader.getByRole("link", { name: "the full report" });
  await expect(link).toHaveAttribute("href", REPORT_URL);
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAccessibleDescription("opens in a new tab");
  for (const markup of ["- Fuel", "> The convoy", "**", "](", "[the"]) await expect(reader).not.toContainText(markup);
  // The live count connects once the page is hydrated: from then on, selections are heard.
  await expect(page.getByTestId("live-count")).toContainText(/here now/);
  await expectNoAxeViolations(page);

  // Selecting words inside a list item and annotating them highlights exactly those words.
  const phrase = "too few for the road";
  await dragSelect(page, phrase);
  const newAnnotation = page.getByRole("region", { name: "New annotation" });
  await expect(newAnnotation.locator("q")).toHaveText(phrase);
  const comment = `Escorts matter ${Date.now()}`;
  await newAnnotation.getByLabel("Comment (optional)").fill(comment);
  await newAnnotation.getByRole("button", { name: "Annotate" }).click();
  await expect(page.getByRole("article").filter({ hasText: comment })).toBeVisible();
  await expect(reader.locator("mark.highlight")).toHaveText([phrase]);
  await expect(reader.locator("ul > li").nth(1).locator("mark.highlight")).toHaveText(phrase);

  // Record, after the page's own handlers, whether clicks on links were let through.
  await page.evaluate(() => {
    const clicks: boolean[] = [];
    (window as unknown as { linkClicks: boolean[] }).linkClicks = clicks;
    window.addEventListener("click", (event) => {
      if ((event.target as Element).closest("a")) clicks.push(event.defaultPrevented);
    });
  });
  const linkClicks = () => page.evaluate(() => (window as unknown as { linkClicks: boolean[] }).linkClicks);

  // A drag inside the link selects its words (and does not follow it); one across it maps exactly.
  await dragSelect(page, "full report");
  await expect(newAnnotation.locator("q")).toHaveText("full report");
  expect(await linkClicks()).toEqual([true]);
  await dragSelect(page, "Read ", "for details");
  await expect(newAnnotation.locator("q")).toHaveText("Read the full report for details");

  // A plain click follows the link, in a new tab.
  await page.context().route(`${REPORT_URL}*`, (route) => route.fulfill({ contentType: "text/html", body: "<title>Mopti report</title><p>Report</p>" }));
  const opened = page.context().waitForEvent("page");
  await link.click();
  const tab = await opened;
  await expect(tab).toHaveURL(REPORT_URL);
  expect(await linkClicks()).toEqual([true, false]);
  await tab.close();
});
