import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { createWorkshop, uniqueTitle } from "../fixtures/workshops";
import { addSource, annotate, cardWith, findThemes, marksOf, openReader, rgb } from "../fixtures/reader";
import { THEME_COLORS } from "../../lib/themes/palette";

const TEXT = "Consent of the host state faded over the years, and regional partners stepped in late.";

// On a workshop of its own, so that no other test's themes or annotations are in the way.
test("merging two themes updates an open reader at once: the card's theme and the highlight's colour", async ({ page, browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createWorkshop(page, { title: uniqueTitle("Merge live") });
  for (const [name, color] of [["Consent", "teal"], ["Host state", "purple"]] as const) {
    const created = await page.request.post(`/api/workshops/${workshopId}/themes`, { headers: { origin }, data: { name, color } });
    expect(created.status(), await created.text()).toBe(201);
  }
  const [consent, hostState] = await findThemes(page, workshopId);
  const source = await addSource(page, workshopId, { title: "Field notes", text: TEXT });
  const annotation = await annotate(page, { workshopId, ...source }, "Consent of the host state", { comment: "Tagged with Consent", themeIds: [consent!.id] });

  // The reader stays open in a second tab; the codebook page merges in the first.
  const readerContext = await browser.newContext({ storageState: await page.context().storageState() });
  try {
    const reader = await readerContext.newPage();
    await openReader(reader, workshopId, source.sourceId);
    const card = cardWith(reader, "Tagged with Consent");
    const chips = card.getByRole("list", { name: "Themes" });
    await expect(chips).toHaveText("Consent");
    await expect(marksOf(reader, annotation.id).first()).toHaveCSS("background-color", rgb(THEME_COLORS.teal.highlight));

    await page.goto(`/workshops/${workshopId}/themes`);
    await page.getByLabel("Merge “Consent” into", { exact: true }).selectOption({ label: "Host state" });
    await page.getByRole("button", { name: "Merge “Consent” into the chosen theme" }).click();
    await page.getByRole("alertdialog", { name: "Merge “Consent” into “Host state”?" }).getByRole("button", { name: "Merge themes" }).click();

    // No reload: the reader hears codebook:changed and fetches themes and annotations again.
    await expect(chips).toHaveText("Host state");
    await expect(marksOf(reader, annotation.id).first()).toHaveCSS("background-color", rgb(THEME_COLORS.purple.highlight));
    expect((await findThemes(reader, workshopId)).map((theme) => theme.id)).toEqual([hostState!.id]);
  } finally {
    await readerContext.close();
  }
});
