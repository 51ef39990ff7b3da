import { expect, type Locator, type Page } from "@playwright/test";

/** Opens the meeting note and waits until it is in sync with the server. */
export async function openNote(page: Page, workshopId: string, query = ""): Promise<Locator> {
  await page.goto(`/workshops/${workshopId}/note${query}`);
  // The socket's sign-in check waits its turn on the embedded database (one query at a time),
  // behind whatever heavy request the other worker's test is making: seen past 10 s once.
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 30_000 });
  return page.getByRole("textbox", { name: "Meeting note" });
}

/** The note's paragraph holding this text. */
export function paragraphOf(note: Locator, text: string): Locator {
  return note.locator("p").filter({ hasText: text });
}

/** The consensus phrase that opens a lesson's paragraph. */
export function phraseOf(note: Locator, statement: string): Locator {
  return paragraphOf(note, statement).locator(".note-lesson-ref");
}

/** The footnote marker in a paragraph (its number is `data-citation`). */
export function citationIn(note: Locator, text: string): Locator {
  return paragraphOf(note, text).locator(".note-citation");
}

/** Puts the caret at the end of a paragraph of the note, as a click there followed by End would. */
export async function caretAtEndOf(paragraph: Locator): Promise<void> {
  await paragraph.evaluate((element) => {
    (element.closest("[contenteditable]") as HTMLElement).focus();
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await paragraph.page().keyboard.press("End");
}
