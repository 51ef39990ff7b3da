import { expect } from "@playwright/test";
import { recordPage } from "./capture";
import { readableTextOf } from "./unpack";
import type { ScanMember } from "./annotations-scenario";
import { moveCaret } from "../note/note-helpers";

/**
 * Everyone has the meeting note open at once and writes a line of it in turn: Yjs updates and
 * awareness (caret) frames flow between all of them while they are recorded.
 */
export async function writeNoteTogether(members: ScanMember[], workshopId: string): Promise<void> {
  await Promise.all(members.map((member) => member.page.goto(`/workshops/${workshopId}/note`)));
  // Four note pages hydrating at once, beside the other worker's tests: more than the default wait.
  for (const member of members) {
    await expect(member.page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 30_000 });
  }
  for (const [index, member] of members.entries()) {
    const note = member.page.getByRole("textbox", { name: "Meeting note" });
    await note.click();
    await moveCaret(note, "Control+End");
    await member.page.keyboard.press("Enter");
    await note.pressSequentially(`Point ${index + 1} of the note.`);
  }
  const last = `Point ${members.length} of the note.`;
  for (const member of members) {
    await expect(member.page.getByRole("textbox", { name: "Meeting note" })).toContainText(last);
    // Everyone else's caret is drawn (the others' awareness frames arrived).
    await expect(member.page.locator(".note-caret")).toHaveCount(members.length - 1);
    await expect(member.page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  }
  // Opening it again: the join answer carries the whole stored note in one binary frame.
  for (const member of members) {
    await member.page.reload();
    await expect(member.page.getByRole("textbox", { name: "Meeting note" })).toContainText(last);
    await recordPage(member.page, member.received);
  }
}

export const NOTE_EXPORT_FORMATS = ["md", "html", "docx", "pdf"] as const;

/**
 * Every member downloads the note in every format (its text, never who wrote it). Binary files
 * are unpacked first, so that the scan reads what is inside them, metadata included.
 */
export async function downloadNoteExports(member: ScanMember, workshopId: string, lastLine: string): Promise<void> {
  for (const format of NOTE_EXPORT_FORMATS) {
    const url = `/api/workshops/${workshopId}/note/export?format=${format}`;
    // The export copy trails live typing by up to a second: ask until it has the last line,
    // recording every answer.
    let status = 0;
    await expect
      .poll(async () => {
        const response = await member.page.request.get(url);
        status = response.status();
        const headers = Object.entries(response.headers()).map(([name, value]) => `${name}: ${value}`).join("\n");
        const text = await readableTextOf(format, await response.body());
        member.received.push({ kind: "http", source: `GET ${response.url()}`, text: `${headers}\n\n${text}` });
        return text;
      })
      .toContain(lastLine);
    expect(status).toBe(200);
  }
}
