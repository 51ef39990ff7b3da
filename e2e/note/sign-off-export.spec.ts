import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { createReadingWorkshop, findThemes } from "../fixtures/reader";
import { createLesson } from "../lessons/lesson-helpers";
import { docxHtml, findPdftoppm, readPdf, renderFirstPage } from "../../lib/notes/export/read-back";
import { caretAtEndOf, openNote, paragraphOf, phraseOf } from "./note-helpers";

const FIRST = "Mandates grew faster than the means to carry them out.";
const SECOND = "Withdrawal planning started too late to protect civilians.";
const FIRST_NOTE = "Security Council resolution 2100 (2013), S/RES/2100.";
const SECOND_NOTE = "Security Council resolution 2690 (2023), S/RES/2690.";

async function freeTextFootnote(page: Page, text: string): Promise<void> {
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Footnote" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a footnote" });
  await dialog.getByRole("radio", { name: "Free text (a resolution, a report…)" }).check();
  await dialog.getByLabel("Footnote text").fill(text);
  await dialog.getByRole("button", { name: "Insert the footnote" }).click();
  await expect(dialog).toBeHidden();
}

test("a note with lessons and footnotes is signed off past the guard's checklist, and its Word and PDF exports read back with the footnotes in order", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsDemo(page, "Olivia Organizer");
  const workshopId = await createReadingWorkshop(page, "Sign-off and export");
  const [theme] = await findThemes(page, workshopId);
  await createLesson(page, workshopId, { statement: FIRST, themeIds: [theme!.id] });
  await createLesson(page, workshopId, { statement: SECOND, themeIds: [theme!.id] });

  // A new note opens on its template; both lessons go into their theme's section.
  const note = await openNote(page, workshopId);
  await expect(note.getByRole("heading", { name: "Introduction" })).toBeVisible();
  await expect(note.getByRole("heading", { name: "Conclusion" })).toBeVisible();
  const panel = page.getByRole("complementary", { name: "Lessons" });
  await panel.getByRole("button", { name: `Insert: ${FIRST}` }).click();
  await panel.getByRole("button", { name: `Insert: ${SECOND}` }).click();
  await expect(phraseOf(note, FIRST)).toHaveAttribute("data-state", "live");
  await expect(phraseOf(note, SECOND)).toContainText("It was suggested that");
  await caretAtEndOf(paragraphOf(note, FIRST));
  await freeTextFootnote(page, FIRST_NOTE);
  await caretAtEndOf(paragraphOf(note, SECOND));
  await freeTextFootnote(page, SECOND_NOTE);

  // The word count follows the text (the template's lines, the statements, not the phrases).
  const words = page.getByTestId("note-words");
  const before = Number((await words.textContent())!.match(/\d+/)![0]);
  await caretAtEndOf(paragraphOf(note, FIRST));
  await page.keyboard.type(" Three more words");
  await expect(words).toHaveText(`${before + 3} words`);

  // A member's name slips in: the guard flags it live.
  await caretAtEndOf(paragraphOf(note, SECOND));
  await page.keyboard.type(" As Olivia Organizer put it.");
  const guard = page.getByRole("complementary", { name: "Attribution check" });
  await expect(guard.getByRole("listitem").filter({ hasText: "olivia organizer" })).toContainText("Matches a member's name: Olivia Organizer.");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // Sign-off lists the open warning first; signing off anyway freezes the note.
  const versions = page.getByRole("region", { name: "Versions" });
  await versions.getByRole("button", { name: "Sign off…" }).click();
  const checklist = page.getByRole("alertdialog", { name: "Before you sign the note off" });
  await expect(checklist.getByRole("listitem")).toHaveCount(1);
  await expect(checklist.getByRole("listitem")).toContainText("olivia organizer", { ignoreCase: true });
  await checklist.getByRole("button", { name: "Sign off anyway" }).click();
  await expect(versions.getByText("Signed off — read-only")).toBeVisible();
  await expect(note).toHaveAttribute("contenteditable", "false");
  await expect(phraseOf(note, FIRST)).toHaveAttribute("data-state", "frozen");

  // From the page: Markdown with the methods line, through the checklist (one open warning).
  await page.getByRole("checkbox", { name: /with a methods line/ }).check();
  await page.getByRole("button", { name: "Markdown" }).click();
  const exportChecklist = page.getByRole("alertdialog", { name: "Before you download the note" });
  const downloading = page.waitForEvent("download");
  await exportChecklist.getByRole("button", { name: "Download anyway" }).click();
  const markdown = await readFile((await (await downloading).path())!, "utf8");
  expect(markdown).toContain(`[^1]: ${FIRST_NOTE}`);
  expect(markdown).toMatch(/Methods/);

  // Word: real footnotes, in order, after the phrases and statements.
  const docx = await page.request.get(`/api/workshops/${workshopId}/note/export?format=docx`);
  expect(docx.status()).toBe(200);
  const html = await docxHtml(new Uint8Array(await docx.body()));
  expect(html).toContain(`It was suggested that ${FIRST}`);
  const footnotes = html.slice(html.indexOf(SECOND) + SECOND.length);
  expect(footnotes.indexOf(FIRST_NOTE)).toBeGreaterThan(-1);
  expect(footnotes.indexOf(SECOND_NOTE)).toBeGreaterThan(footnotes.indexOf(FIRST_NOTE));

  // PDF: the same words and notes in order, page numbers, and its first page as a picture.
  const pdf = await page.request.get(`/api/workshops/${workshopId}/note/export?format=pdf`);
  expect(pdf.status()).toBe(200);
  const bytes = new Uint8Array(await pdf.body());
  const { pages } = await readPdf(bytes);
  const text = pages.join("\n").replace(/\s+/g, " ");
  expect(text).toContain("It was suggested that");
  expect(text).toContain("Chatham House Rule");
  expect(text.indexOf(FIRST_NOTE)).toBeGreaterThan(text.indexOf(SECOND));
  expect(text.indexOf(SECOND_NOTE)).toBeGreaterThan(text.indexOf(FIRST_NOTE));
  pages.forEach((pageText, index) => expect(pageText).toMatch(new RegExp(`${index + 1} / ${pages.length}$`)));
  const pdftoppm = await findPdftoppm();
  expect(pdftoppm, "pdftoppm is not installed (Debian: poppler-utils)").not.toBeNull();
  mkdirSync(test.info().outputDir, { recursive: true });
  await renderFirstPage(pdftoppm!, bytes, test.info().outputPath("note-first-page.png"));
  await test.info().attach("note-first-page", { path: test.info().outputPath("note-first-page.png"), contentType: "image/png" });
});
