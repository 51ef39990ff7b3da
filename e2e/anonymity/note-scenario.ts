import { expect } from "@playwright/test";
import { recordPage, requestAndRecord } from "./capture";
import type { ScanMember } from "./annotations-scenario";

/**
 * Everyone has the meeting note open at once and writes a line of it in turn: Yjs updates and
 * awareness (caret) frames flow between all of them while they are recorded.
 */
export async function writeNoteTogether(members: ScanMember[], workshopId: string): Promise<void> {
  await Promise.all(members.map((member) => member.page.goto(`/workshops/${workshopId}/note`)));
  for (const member of members) {
    await expect(member.page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  }
  for (const [index, member] of members.entries()) {
    const note = member.page.getByRole("textbox", { name: "Meeting note" });
    await note.click();
    await member.page.keyboard.press("Control+End");
    await member.page.keyboard.press("Enter");
    await note.pressSequentially(`Point ${index + 1} of the note.`);
  }
  const last = `Point ${members.length} of the note.`;
  for (const member of members) {
    await expect(member.page.getByRole("textbox", { name: "Meeting note" })).toContainText(last);
    // Everyone else's caret is drawn (the others' awareness frames arrived).
    await expect(member.page.locator(".note-caret")).toHaveCount(members.length - 1);
    await expect(member.page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  }
  // Opening it again: the join answer carries the whole stored note in one binary frame.
  for (const member of members) {
    await member.page.reload();
    await expect(member.page.getByRole("textbox", { name: "Meeting note" })).toContainText(last);
    await recordPage(member.page, member.received);
  }
}

/** Every member downloads the note in both formats (the note's text, never who wrote it). */
export async function downloadNoteExports(member: ScanMember, workshopId: string, lastLine: string): Promise<void> {
  for (const format of ["md", "html"]) {
    const url = `/api/workshops/${workshopId}/note/export?format=${format}`;
    // The export copy trails live typing by up to a second.
    await expect.poll(async () => (await member.page.request.get(url)).text()).toContain(lastLine);
    const response = await requestAndRecord(member.page, url, member.received);
    expect(response.status()).toBe(200);
  }
}
