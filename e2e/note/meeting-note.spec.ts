import { readFile } from "node:fs/promises";
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { acceptInvitation, createWorkshop, inviteMember, openDemoWorkshop, uniqueTitle } from "../fixtures/workshops";
import { recordAwareness } from "./note-frames";
import { moveCaret } from "./note-helpers";

async function openNote(page: Page, workshopId: string) {
  await page.goto(`/workshops/${workshopId}/note`);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  return page.getByRole("textbox", { name: "Meeting note" });
}

test("two people write the note together live; carets are anonymous; an observer reads along", async ({ page, browser }) => {
  // Three people, two invitations, typing (each key goes through the live note), a reload, two
  // accessibility scans and a status change: about a minute alone on two cores.
  test.setTimeout(150_000);
  await signInAsDemo(page, "Amina Participant");
  const title = uniqueTitle("Note workshop");
  const workshopId = await createWorkshop(page, { title });
  const brunoLink = await inviteMember(page, workshopId, { email: "bruno@demo.rapporteur.test", role: "Participant", workshopTitle: title });
  const omarLink = await inviteMember(page, workshopId, { email: "observer@demo.rapporteur.test", role: "Observer", workshopTitle: title });

  const brunoContext = await browser.newContext();
  const omarContext = await browser.newContext();
  try {
    const bruno = await brunoContext.newPage();
    await signInAsDemo(bruno, "Bruno Participant");
    await acceptInvitation(bruno, brunoLink);
    const omar = await omarContext.newPage();
    await signInAsDemo(omar, "Omar Observer");
    await acceptInvitation(omar, omarLink);

    const awarenessSeenByAmina = recordAwareness(page);
    const aminaNote = await openNote(page, workshopId);
    await aminaNote.click();
    await aminaNote.pressSequentially("Mandates were too broad.");
    await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

    const brunoNote = await openNote(bruno, workshopId);
    await expect(brunoNote).toContainText("Mandates were too broad.");
    await brunoNote.click();
    await moveCaret(brunoNote, "Control+End");
    await bruno.keyboard.press("Enter");
    await brunoNote.pressSequentially("Participants generally agreed.");
    await expect(aminaNote).toContainText("Participants generally agreed.");

    // Bruno's caret shows in Amina's note as a coloured bar: no name, no label.
    const caret = page.locator(".note-caret");
    await expect(caret).toHaveCount(1);
    await expect(caret).toHaveText("");

    const omarNote = await openNote(omar, workshopId);
    await expect(omarNote).toContainText("Participants generally agreed.");
    await expect(omarNote).toHaveAttribute("contenteditable", "false");
    await expect(omar.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
    await expect(omar.getByText("You can read this note as it is written, but not change it.")).toBeVisible();
    await aminaNote.press("End");
    await aminaNote.pressSequentially(" Observers see this live.");
    await expect(omarNote).toContainText("Observers see this live.");

    // A new visit is a new Yjs client: nothing links Bruno's edits before and after.
    const clientsBefore = new Set(awarenessSeenByAmina.filter((entry) => entry.state).map((entry) => entry.clientId));
    expect(clientsBefore.size).toBeGreaterThan(0);
    await bruno.reload();
    await expect(brunoNote).toContainText("Observers see this live.");
    await expect(brunoNote).toContainText("Mandates were too broad.");
    await expect
      .poll(() => awarenessSeenByAmina.filter((entry) => entry.state && !clientsBefore.has(entry.clientId)).length)
      .toBeGreaterThan(0);
    for (const entry of awarenessSeenByAmina) {
      expect(Object.keys(entry.state ?? {}).every((key) => key === "user" || key === "cursor")).toBe(true);
      expect(Object.keys(entry.state?.user ?? {})).toEqual(entry.state?.user ? ["color"] : []);
    }
    await expectNoAxeViolations(bruno);
    await expectNoAxeViolations(omar);

    // Closing the workshop makes the open note read-only at once, with no reload.
    await page.goto(`/workshops/${workshopId}/settings`);
    await page.getByRole("button", { name: "Close (read-only)" }).click();
    await expect(brunoNote).toHaveAttribute("contenteditable", "false");
    await expect(bruno.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
    await expect(bruno.getByText("You can read this note as it is written, but not change it.")).toBeVisible();
  } finally {
    await brunoContext.close();
    await omarContext.close();
  }
});

test("the keyboard alone formats the note and adds a section per theme", async ({ page }) => {
  // Typing, a reload, an accessibility scan and a Markdown export.
  test.setTimeout(90_000);
  await signInAsDemo(page, "Rafael Rapporteur");
  const workshopId = await openDemoWorkshop(page);
  const note = await openNote(page, workshopId);
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });

  // Reach the toolbar with Tab, move along it with the arrow keys.
  await page.getByRole("link", { name: "Meeting note" }).focus();
  await expect(async () => {
    await page.keyboard.press("Tab");
    await expect(toolbar.getByRole("button", { name: "Bold" })).toBeFocused({ timeout: 200 });
  }).toPass();
  await page.keyboard.press("ArrowLeft");
  await expect(toolbar.getByRole("button", { name: "Add a section per theme" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(note.getByRole("heading", { level: 2, name: "Security Council dynamics" })).toBeVisible();
  const headings = await note.getByRole("heading", { level: 2 }).count();
  // Pressing it again adds nothing: every theme has its section.
  await toolbar.getByRole("button", { name: "Add a section per theme" }).press("Enter");
  await expect(note.getByRole("heading", { level: 2 })).toHaveCount(headings);

  // The caret is in the last section: type, then make a word bold by shortcut.
  await moveCaret(note, "Control+End");
  await page.keyboard.type("Keyboard lesson ");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("stressed");
  await expect(note.locator("strong")).toContainText("stressed");
  await expect(toolbar.getByRole("button", { name: "Bold" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Meeting note" }).locator("strong")).toContainText("stressed");
  await expectNoAxeViolations(page);

  // On paper: the note alone, without the toolbar, the status, the lessons panel or the header.
  await page.emulateMedia({ media: "print" });
  for (const workspacePart of [toolbar, page.getByRole("status").filter({ hasText: /^Saved$/ }), page.getByRole("complementary", { name: "Lessons" }), page.locator(".site-header")]) {
    await expect(workspacePart).toBeHidden();
  }
  await expect(page.getByRole("textbox", { name: "Meeting note" }).locator("strong")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The note downloads as Markdown (through the attribution guard's checklist): its sections
  // and emphasis, under the rule of the meeting.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Markdown" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: /^Download( anyway)?$/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-meeting-note\.md$/);
  const markdown = await readFile((await download.path())!, "utf8");
  expect(markdown).toContain("under the Chatham House Rule of non-attribution");
  expect(markdown).toContain("## Security Council dynamics");
  expect(markdown).toContain("**stressed**");
});

test("what is typed while offline is kept and sent when the connection returns", async ({ page, browser }) => {
  test.setTimeout(60_000);
  // The page's WebSockets pass through here, so that the connection can be cut; while "offline",
  // new attempts hang (as they do when the network is down) until it comes back.
  let offline = false;
  const connections: WebSocketRoute[] = [];
  const waiting: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    if (offline) return void waiting.push(socket);
    socket.connectToServer();
    connections.push(socket);
  });
  await signInAsDemo(page, "Dalia Participant");
  const workshopId = await createWorkshop(page, { title: uniqueTitle("Offline note") });
  const note = await openNote(page, workshopId);
  // A new note opens with the caret in its first empty section: typing at once writes the Introduction.
  await expect(note).toBeFocused();
  await page.keyboard.type("Online line.");
  await expect(note.locator("h2").filter({ hasText: "Introduction" }).locator("xpath=following-sibling::p[1]")).toHaveText("Online line.");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  offline = true;
  await Promise.all(connections.splice(0).map((socket) => socket.close()));
  await expect(page.getByRole("status").filter({ hasText: "Offline" })).toHaveText("Offline: your edits are kept");
  await moveCaret(note, "End");
  await note.press("Enter");
  await note.pressSequentially("Typed while offline.");
  await expect(page.getByRole("status").filter({ hasText: "Offline" })).toBeVisible();
  offline = false;
  for (const socket of waiting.splice(0)) socket.connectToServer();
  // socket.io reconnects by itself; the join sends what the server lacks.
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 20_000 });

  // Another visit (a fresh document) gets both lines from the server.
  const second = await browser.newContext({ storageState: await page.context().storageState() });
  try {
    const again = await second.newPage();
    const reopened = await openNote(again, workshopId);
    await expect(reopened).toContainText("Online line.");
    await expect(reopened).toContainText("Typed while offline.");
  } finally {
    await second.close();
  }
});
