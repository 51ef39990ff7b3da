import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { acceptInvitation, createWorkshop, inviteMember, uniqueTitle } from "../fixtures/workshops";

async function openNote(page: Page, workshopId: string) {
  await page.goto(`/workshops/${workshopId}/note`);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  return page.getByRole("textbox", { name: "Meeting note" });
}

const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

test("versions: save, change, restore; sign off turns a second person's editor read-only live; reopen; the version page", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsDemo(page, "Amina Participant");
  const title = uniqueTitle("Versions workshop");
  const workshopId = await createWorkshop(page, { title });
  const brunoLink = await inviteMember(page, workshopId, { email: "bruno@demo.rapporteur.test", role: "Participant", workshopTitle: title });

  const note = await openNote(page, workshopId);
  const versions = page.getByRole("region", { name: "Versions" });
  await note.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Mandates were too broad.");
  await saved(page);

  // Save a named version (the keyboard submits the form).
  await versions.getByLabel("Name of the version").fill("Morning draft");
  await versions.getByLabel("Name of the version").press("Enter");
  await expect(versions.getByText("Version saved.")).toBeVisible();
  const list = versions.getByRole("list", { name: "Saved versions" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem").first()).toContainText("Morning draft");

  // Change the text, then restore the version: the current text is kept first.
  await note.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("A different afternoon text.");
  await saved(page);
  await versions.getByRole("button", { name: "Restore the version “Morning draft”" }).click();
  const restoreDialog = page.getByRole("alertdialog", { name: "Restore this version?" });
  await restoreDialog.getByRole("button", { name: "Restore" }).click();
  await expect(note).toContainText("Mandates were too broad.");
  await expect(note).not.toContainText("A different afternoon text.");
  await expect(versions.getByText("The version is restored; the previous text is kept as a version.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText("Before restoring “Morning draft”");

  const brunoContext = await browser.newContext();
  try {
    const bruno = await brunoContext.newPage();
    await signInAsDemo(bruno, "Bruno Participant");
    await acceptInvitation(bruno, brunoLink);
    const brunoNote = await openNote(bruno, workshopId);
    await expect(brunoNote).toContainText("Mandates were too broad.");
    await expect(brunoNote).toHaveAttribute("contenteditable", "true");
    // A participant keeps versions but neither restores nor signs off.
    const brunoVersions = bruno.getByRole("region", { name: "Versions" });
    await expect(brunoVersions.getByRole("button", { name: "Save a version" })).toBeVisible();
    await expect(brunoVersions.getByRole("button", { name: /^Restore the version/ })).toHaveCount(0);
    await expect(brunoVersions.getByRole("button", { name: "Sign off…" })).toHaveCount(0);

    // Sign off: Bruno's editor becomes read-only at once, without a reload.
    await versions.getByRole("button", { name: "Sign off…" }).click();
    // The attribution guard's checklist comes first; this note names nobody.
    const checklist = page.getByRole("alertdialog", { name: "Before you sign the note off" });
    await expect(checklist.getByText("No warnings")).toBeVisible();
    await checklist.getByRole("button", { name: "Sign off", exact: true }).click();
    await expect(versions.getByText("Signed off — read-only")).toBeVisible();
    await expect(note).toHaveAttribute("contenteditable", "false");
    await expect(brunoNote).toHaveAttribute("contenteditable", "false");
    await expect(brunoVersions.getByText("Signed off — read-only")).toBeVisible();
    await expect(brunoVersions.getByRole("button", { name: "Save a version" })).toHaveCount(0);
    await expect(list.getByRole("listitem").first()).toContainText("Signed-off version");

    // Reopen (organizers): a draft again, editable for Bruno too.
    await versions.getByRole("button", { name: "Reopen…" }).click();
    await page.getByRole("alertdialog", { name: "Reopen the note?" }).getByRole("button", { name: "Reopen" }).click();
    await expect(brunoNote).toHaveAttribute("contenteditable", "true");
    await expect(versions.getByText("Draft: the note can be changed.")).toBeVisible();
    await brunoNote.click();
    await bruno.keyboard.press("ControlOrMeta+End");
    await bruno.keyboard.type(" Reopened and edited.");
    await expect(note).toContainText("Reopened and edited.");
  } finally {
    await brunoContext.close();
  }

  // The version page: read-only, its name and a coarse time, never who.
  await versions.getByRole("link", { name: "Read the version “Morning draft”" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Version of the meeting note" })).toBeVisible();
  await expect(page.getByRole("article")).toContainText("Mandates were too broad.");
  await expect(page.getByText(/kept (this|last|yesterday|on)/)).toBeVisible();
  await expect(page.getByRole("article")).not.toContainText("Amina");
  await expectNoAxeViolations(page);
});
