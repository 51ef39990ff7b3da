import { expect, type Locator, type Page } from "@playwright/test";

/** Opens the meeting note and waits until it is in sync with the server. */
export async function openNote(page: Page, workshopId: string, query = ""): Promise<Locator> {
  await page.goto(`/workshops/${workshopId}/note${query}`);
  // The socket's sign-in check waits its turn on the embedded database (one query at a time),
  // behind whatever heavy request the other worker's test is making: seen past 10 s once.
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 30_000 });
  return page.getByRole("textbox", { name: "Meeting note" });
}

/**
 * Presses a key that moves the caret in the note (End, Control+End) and waits until the editor
 * has taken the move in. The browser moves the caret; ProseMirror learns of it from the
 * "selectionchange" event, which comes a task later, and a key it handles itself (Enter, a
 * shortcut) acts where it last knew the caret to be. Playwright's next key can come before that
 * event, a person's never does: Control+End then Enter split the heading that had been clicked
 * instead of opening a paragraph at the end (seen in CI).
 */
export async function moveCaret(note: Locator, key: string): Promise<void> {
  await note.press(key);
  await expect
    .poll(() =>
      note.evaluate((element) => {
        const view = (element as HTMLElement & { editor?: { view: EditorViewLike } }).editor?.view;
        const selection = window.getSelection();
        if (!view || !selection?.focusNode || !element.contains(selection.focusNode)) return false;
        return view.posAtDOM(selection.focusNode, selection.focusOffset) === view.state.selection.head;
      }),
    )
    .toBe(true);
}

/** What `moveCaret` reads of the ProseMirror view Tiptap leaves on the editor's element. */
interface EditorViewLike {
  posAtDOM(node: Node, offset: number): number;
  state: { selection: { head: number } };
}

/**
 * How many footnotes the note lists, once every citation in it has its number: the numbers and
 * the list come with the note's references, a moment after the text.
 */
export async function settledFootnoteCount(note: Locator, footnotes: Locator): Promise<number> {
  const numbers = () => note.locator(".note-citation").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-citation") ?? ""));
  await expect.poll(async () => (await numbers()).every((number) => number !== "")).toBe(true);
  const count = new Set(await numbers()).size;
  await expect(footnotes).toHaveCount(count);
  return count;
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
  await moveCaret(paragraph.locator("xpath=ancestor::*[@contenteditable][1]"), "End");
}
