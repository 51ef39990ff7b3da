import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { createWorkshop, uniqueTitle } from "../fixtures/workshops";

const SENTENCES = Array.from({ length: 45 }, (_, index) => `Sentence number ${index + 1} is about the mandate.`);
const TEXT = SENTENCES.join("\n\n");

// A margin longer than one batch of cards: the text shows every highlight at once, the margin
// renders cards as they come into view, and the selected card is always there.
test("a long margin renders cards as they are reached; every highlight is in the text", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signInAsDemo(page, "Chen Participant");
  const workshopId = await createWorkshop(page, { title: uniqueTitle("Long margin") });
  const created = await page.request.post(`/api/workshops/${workshopId}/sources`, {
    multipart: { text: TEXT, format: "TEXT", title: "Forty-five sentences" },
    headers: { origin: baseURL! },
  });
  expect(created.status(), await created.text()).toBe(201);
  const sourceId = ((await created.json()) as { source: { id: string } }).source.id;
  const ids: string[] = [];
  for (const [index, sentence] of SENTENCES.entries()) {
    const start = TEXT.indexOf(sentence);
    const response = await page.request.post(`/api/workshops/${workshopId}/sources/${sourceId}/annotations`, {
      data: { start, end: start + sentence.length, comment: `Comment ${index + 1}.`, themeIds: [] },
      headers: { origin: baseURL! },
    });
    expect(response.status(), await response.text()).toBe(201);
    ids.push(((await response.json()) as { annotation: { id: string } }).annotation.id);
  }

  await page.goto(`/workshops/${workshopId}/sources/${sourceId}`);
  await expect(page.getByTestId("live-count")).toContainText(/here now/);
  const margin = page.getByRole("complementary", { name: "Annotations" });
  await expect(page.locator(".reader-text mark.highlight")).toHaveCount(45);
  await expect(margin.getByRole("article")).toHaveCount(40);
  const more = margin.getByRole("button", { name: "Show 5 more (5 not shown yet)" });
  await expect(more).toBeVisible();

  // "Previous" from nothing selected goes to the last annotation: its card is rendered for it.
  await margin.getByRole("button", { name: "Previous" }).click();
  await expect(margin.getByRole("article").filter({ hasText: "Comment 45." })).toHaveAttribute("aria-current", "true");
  await expectNoAxeViolations(page);

  // Reaching the end of the list (scrolling, or the button by keyboard) brings the rest.
  await page.reload();
  await expect(margin.getByRole("article")).toHaveCount(40);
  // Hydrated (the live count comes from the socket) before scrolling: the server-rendered list
  // has no observer yet, and a scroll made before it is set up would not be seen.
  await expect(page.getByTestId("live-count")).toContainText(/here now/);
  await margin.getByRole("button", { name: /^Show 5 more/ }).scrollIntoViewIfNeeded();
  await expect(margin.getByRole("article")).toHaveCount(45);
  await expect(margin.getByRole("button", { name: /^Show \d+ more/ })).toHaveCount(0);

  // A link to an annotation past the first batch renders its card, selected, by its passage.
  await page.goto("/workshops");
  await page.goto(`/workshops/${workshopId}/sources/${sourceId}#annotation-${ids[43]}`);
  const linked = margin.getByRole("article").filter({ hasText: "Comment 44." });
  await expect(linked).toHaveAttribute("aria-current", "true");
  await expect(linked).toBeFocused();
  await expect(page.locator(`mark[data-annotation-ids~="${ids[43]}"]`)).toBeInViewport();
});
