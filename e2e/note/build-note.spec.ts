import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { tabTo } from "../fixtures/keyboard";
import { openDemoWorkshop } from "../fixtures/workshops";
import { lessonCard, openBoard } from "../lessons/lesson-helpers";
import { caretAtEndOf, citationIn, openNote, paragraphOf, phraseOf, settledFootnoteCount } from "./note-helpers";

/**
 * Stance changes reach people in batches, at the end of a 10-second window aligned to the
 * clock: live waits allow a window and a half, never a fixed sleep.
 */
const BATCHED = { timeout: 25_000 };

// Three lessons of the seeded demo, each under one theme (lib/demo/demo-contributions.ts).
const MANDATE = 'Expanding the mandate to central Mali "within existing resources" overstretched the mission.';
const EXPECTATIONS = "From the start, the government expected more than the mission was built to deliver.";
/** Endorsed by one participant only: one more endorsement makes it "a few". */
const PENHOLDER = "The penholder's falling-out with the host government weighed on the mission.";
const RESOLUTION = "Security Council resolution 2100 (2013), S/RES/2100.";

// Both tests write footnotes into the demo note: one after the other, so that numbers are known.
test.describe.configure({ mode: "serial" });

async function addFootnote(page: Page, choose: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Footnote" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a footnote" });
  await choose(dialog);
  await dialog.getByRole("button", { name: "Insert the footnote" }).click();
  await expect(dialog).toBeHidden();
}

/** In the footnote dialog: the first annotated passage of the first source. */
async function citeFirstAnnotation(dialog: ReturnType<Page["getByRole"]>) {
  await dialog.getByRole("radio", { name: "A passage someone annotated" }).check();
  await dialog.getByRole("group", { name: "Annotated passage" }).getByRole("radio").first().check();
}

test("two writers build the note from the panel, cite, move text and see numbers follow; a stance changes the phrase live", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsDemo(page, "Rafael Rapporteur");
  const workshopId = await openDemoWorkshop(page);
  const oliviaContext = await browser.newContext();
  const daliaContext = await browser.newContext();
  try {
    const olivia = await oliviaContext.newPage();
    await signInAsDemo(olivia, "Olivia Organizer");
    const dalia = await daliaContext.newPage();
    await signInAsDemo(dalia, "Dalia Participant");

    const note = await openNote(page, workshopId);
    const oliviaNote = await openNote(olivia, workshopId);

    // Keyboard only: Tab to a lesson's Insert button in the panel, press Enter.
    const panel = page.getByRole("complementary", { name: "Lessons" });
    const insertMandate = panel.getByRole("button", { name: `Insert: ${MANDATE}` });
    await expect(insertMandate).toBeVisible();
    await panel.getByRole("button", { name: "Hide the lessons" }).focus();
    await tabTo(page, insertMandate, 120);
    await page.keyboard.press("Enter");
    await expect(phraseOf(note, MANDATE)).toHaveAttribute("data-state", "live");
    await panel.getByRole("button", { name: `Insert: ${EXPECTATIONS}` }).click();
    await panel.getByRole("button", { name: `Insert: ${PENHOLDER}` }).click();

    // Each lesson lands in its theme's section (the template's, or one added for it).
    await expect(note.getByRole("heading", { name: "Security Council dynamics" })).toHaveCount(1);
    await expect(paragraphOf(note, PENHOLDER).locator("xpath=preceding-sibling::h2[1]")).toHaveText("Security Council dynamics");
    await expect(paragraphOf(note, MANDATE).locator("xpath=preceding-sibling::h2[1]")).toHaveText("MINUSMA's evolving role in Mali");
    // Each opens with its live phrase; the other writer sees the same, marked live.
    await expect(phraseOf(note, PENHOLDER)).toContainText("One participant noted that");
    for (const statement of [MANDATE, EXPECTATIONS, PENHOLDER]) {
      await expect(phraseOf(oliviaNote, statement)).toHaveAttribute("data-state", "live");
      await expect(phraseOf(oliviaNote, statement)).toHaveAttribute("title", "Live consensus phrase: updates as people take stances");
    }
    await expect(phraseOf(oliviaNote, PENHOLDER)).toContainText("One participant noted that");
    await expect(panel.getByRole("listitem", { name: MANDATE })).toContainText("In the note");

    // A footnote citing an annotated passage, then a free-text one further down.
    await caretAtEndOf(paragraphOf(note, MANDATE));
    await addFootnote(page, citeFirstAnnotation);
    await expect(citationIn(note, MANDATE)).toHaveAttribute("data-citation", "1");
    await caretAtEndOf(paragraphOf(note, EXPECTATIONS));
    await addFootnote(page, async (dialog) => {
      await dialog.getByRole("radio", { name: "Free text (a resolution, a report…)" }).check();
      await dialog.getByLabel("Footnote text").fill(RESOLUTION);
    });
    await expect(citationIn(note, EXPECTATIONS)).toHaveAttribute("data-citation", "2");
    const notes = page.getByRole("region", { name: "Notes" }).getByRole("listitem");
    await expect(notes).toHaveCount(2);
    await expect(notes.nth(1)).toContainText(RESOLUTION);
    await expect(citationIn(oliviaNote, EXPECTATIONS)).toHaveAttribute("data-citation", "2");

    // The paragraph with the free-text footnote moves up above the other (Alt+Shift+↑, the caret
    // is still in it): the numbers follow the text, for both writers.
    await expect(async () => {
      await page.keyboard.press("Alt+Shift+ArrowUp");
      await expect(citationIn(note, EXPECTATIONS)).toHaveAttribute("data-citation", "1", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(citationIn(note, MANDATE)).toHaveAttribute("data-citation", "2");
    await expect(notes.nth(0)).toContainText(RESOLUTION);
    await expect(citationIn(oliviaNote, EXPECTATIONS)).toHaveAttribute("data-citation", "1");
    await expect(citationIn(oliviaNote, MANDATE)).toHaveAttribute("data-citation", "2");

    // The same passage cited again, further down, shares its number: still two notes.
    await caretAtEndOf(paragraphOf(note, PENHOLDER));
    await addFootnote(page, citeFirstAnnotation);
    await expect(citationIn(note, PENHOLDER)).toHaveAttribute("data-citation", "2");
    await expect(notes).toHaveCount(2);

    // A third person endorses a lesson on the board: its phrase changes in both notes, live.
    await openBoard(dalia, workshopId);
    await lessonCard(dalia, PENHOLDER).getByRole("button", { name: "Endorse" }).click();
    await expect(lessonCard(dalia, PENHOLDER).getByRole("button", { name: "Endorse" })).toHaveAttribute("aria-pressed", "true");
    await expect(phraseOf(note, PENHOLDER)).toContainText("A few participants noted that", BATCHED);
    await expect(phraseOf(oliviaNote, PENHOLDER)).toContainText("A few participants noted that", BATCHED);

    await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: test.info().outputPath("built-note.png"), fullPage: true });
  } finally {
    await oliviaContext.close();
    await daliaContext.close();
  }
});

test("“Cite in the note” from the reader offers the passage on the note, inserted at the caret on request", async ({ page }) => {
  await signInAsDemo(page, "Rafael Rapporteur");
  await openDemoWorkshop(page);
  await page.getByRole("link", { name: "Emerging Lessons from MINUSMA's Experience in Mali", exact: true }).first().click();
  // Not the first annotation: the first test cited its passage, and a second citation of one
  // passage shares its number.
  await page.getByRole("link", { name: "Cite in the note" }).last().click();

  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  const banner = page.getByRole("region", { name: "Cite this passage in the note" });
  const quote = ((await banner.locator("q").textContent()) ?? "").replace(/…$/, "").slice(0, 40);
  expect(quote.length).toBeGreaterThan(10);
  const note = page.getByRole("textbox", { name: "Meeting note" });
  // Nothing is inserted until asked.
  const notes = page.getByRole("region", { name: "Notes" }).getByRole("listitem");
  const before = await settledFootnoteCount(note, notes);
  await caretAtEndOf(paragraphOf(note, PENHOLDER));
  await banner.getByRole("checkbox", { name: "Include the quoted passage in the footnote" }).check();
  await banner.getByRole("button", { name: "Insert the citation at the caret" }).click();
  await expect(banner).toBeHidden();
  await expect(citationIn(note, PENHOLDER).last()).toHaveAttribute("data-citation", String(before + 1));
  await expect(notes).toHaveCount(before + 1);
  await expect(notes.last()).toContainText(quote);
  await expect(page).not.toHaveURL(/cite=/);

  // A lesson's evidence in the panel: "Cite" opens the footnote dialog on that passage.
  await caretAtEndOf(paragraphOf(note, MANDATE));
  const lesson = page.getByRole("complementary", { name: "Lessons" }).getByRole("listitem", { name: MANDATE });
  await lesson.getByRole("button", { name: "Evidence" }).click();
  await lesson.getByRole("button", { name: /^Cite this passage of Emerging Lessons/ }).click();
  const dialog = page.getByRole("dialog", { name: "Add a footnote" });
  await expect(dialog).toContainText("overstretched MINUSMA");
  await dialog.getByRole("button", { name: "Insert the footnote" }).click();
  await expect(dialog).toBeHidden();
  await expect(citationIn(note, MANDATE)).toHaveCount(2);
});
