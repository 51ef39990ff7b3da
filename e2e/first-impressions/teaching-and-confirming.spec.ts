import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { signInWithMagicLink, uniqueEmail } from "../fixtures/magic-link";
import { uniqueTitle } from "../fixtures/workshops";
import { expectToast, toast } from "../fixtures/toast";
import { createDatedWorkshop, useLanguage } from "./helpers";

test("empty lists teach the next step with the one button that does it, in English and French", async ({ page, context, baseURL }) => {
  test.slow();
  await signInWithMagicLink(page);
  const workshopId = await createDatedWorkshop(page, { title: uniqueTitle("Empty states"), date: "2026-03-02", place: "Dakar" });

  // Overview: no sources, no themes.
  const sources = page.getByTestId("empty-sources");
  await expect(sources).toContainText("No sources yet.");
  await expect(sources).toContainText("Add the first text the room will read and annotate");
  await expect(sources.getByRole("link")).toHaveText(["Add a source"]);
  await expect(page.getByRole("link", { name: "Add a source" })).toHaveCount(1);
  await expect(page.getByTestId("empty-themes").getByRole("link")).toHaveText(["Create themes"]);
  await expectNoAxeViolations(page);

  // Themes: the button takes the keyboard to the form that creates the first theme.
  await page.getByTestId("empty-themes").getByRole("link", { name: "Create themes" }).click();
  const codebook = page.getByTestId("empty-codebook");
  await expect(codebook).toContainText("No themes yet.");
  await codebook.getByRole("button", { name: "Create the first theme" }).click();
  await expect(page.getByRole("region", { name: "Add a theme" }).getByLabel("Name")).toBeFocused();
  await expectNoAxeViolations(page);

  // Lessons.
  await page.goto(`/workshops/${workshopId}/lessons`);
  const lessons = page.getByTestId("empty-lessons");
  await expect(lessons).toContainText("Write the first one");
  await expect(lessons.getByRole("link")).toHaveText(["Write a lesson"]);
  await expectNoAxeViolations(page);

  // A source nobody has annotated: the button takes the keyboard to "find a passage".
  const created = await page.request.post(`/api/workshops/${workshopId}/sources`, {
    headers: { origin: new URL(baseURL!).origin },
    multipart: { title: "Field notes", file: { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Consent of the host state faded over the years.") } },
  });
  expect(created.ok()).toBe(true);
  await page.goto(`/workshops/${workshopId}`);
  await page.getByRole("link", { name: "Field notes" }).click();
  const annotations = page.getByTestId("empty-annotations");
  await expect(annotations).toContainText("No annotations yet.");
  await annotations.getByRole("button", { name: "Search the text" }).click();
  await expect(page.getByRole("textbox", { name: "Find a passage to annotate" })).toBeFocused();
  await expectNoAxeViolations(page);

  // The same pages in French.
  await useLanguage(context, baseURL!, "fr");
  await page.reload();
  await expect(page.getByTestId("empty-annotations")).toContainText("Aucune annotation pour l’instant.");
  await expectNoAxeViolations(page);
  await page.goto(`/workshops/${workshopId}/lessons`);
  await expect(page.getByTestId("empty-lessons").getByRole("link")).toHaveText(["Écrire une leçon"]);
  await expectNoAxeViolations(page);
  await page.goto(`/workshops/${workshopId}/themes`);
  await expect(page.getByTestId("empty-codebook").getByRole("button")).toHaveText(["Créer le premier thème"]);
  await expectNoAxeViolations(page);
  await page.goto(`/workshops/${workshopId}`);
  await expect(page.getByTestId("empty-themes")).toContainText("Aucun thème pour l’instant.");
  await expectNoAxeViolations(page);
});

test("settings: saved as a toast, closing offers Undo, archiving asks first", async ({ page, context, baseURL }) => {
  test.slow();
  await signInWithMagicLink(page);
  const title = uniqueTitle("Confirming");
  const workshopId = await createDatedWorkshop(page, { title, date: "2026-03-02", place: "Dakar" });
  await page.goto(`/workshops/${workshopId}/settings`);
  await page.getByLabel("Place").fill("Niamey");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expectToast(page, "Changes saved.");
  await expectNoAxeViolations(page);

  // Revoking an invitation asks first: cancel keeps it pending, confirm revokes it.
  const invitee = uniqueEmail("revoked");
  await page.goto(`/workshops/${workshopId}/members`);
  await page.getByLabel("Email address").fill(invitee);
  await page.getByRole("button", { name: "Send invitation" }).click();
  const pending = page.getByRole("region", { name: "Pending invitations" });
  const revoke = pending.getByRole("button", { name: `Revoke ${invitee}` });
  const revokeDialog = page.getByRole("alertdialog", { name: `Revoke the invitation to ${invitee}?` });
  await revoke.click();
  await expectNoAxeViolations(page);
  await revokeDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(revokeDialog).toHaveCount(0);
  await page.reload();
  await expect(pending.getByRole("listitem").filter({ hasText: invitee })).toBeVisible();
  await pending.getByRole("button", { name: `Revoke ${invitee}` }).click();
  await revokeDialog.getByRole("button", { name: "Revoke the invitation" }).click();
  await expect(page.getByRole("region", { name: "Pending invitations" })).toHaveCount(0);
  await page.goto(`/workshops/${workshopId}/settings`);

  // Close, then Undo from the toast: open again.
  await page.getByRole("button", { name: "Close (read-only)" }).click();
  await expect(page.getByText("The workshop is closed: it is read-only for everyone.")).toBeVisible();
  await toast(page, "Workshop closed").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("The workshop is open: members can contribute.")).toBeVisible();

  // Archive asks first: cancel keeps it open, confirm archives it.
  const archive = page.getByRole("button", { name: "Archive", exact: true });
  const dialog = page.getByRole("alertdialog", { name: "Archive this workshop?" });
  await archive.click();
  await expect(dialog).toContainText("can never be reopened");
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(archive).toBeFocused();
  await page.reload();
  await expect(page.getByText("The workshop is open: members can contribute.")).toBeVisible();
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await dialog.getByRole("button", { name: "Archive the workshop" }).click();
  await expect(page.getByText("The workshop is archived: it is a read-only record and cannot be reopened.")).toBeVisible();

  // The account form's saved state is a toast too, in French as well.
  await useLanguage(context, baseURL!, "fr");
  await page.goto("/account");
  await page.getByLabel("Organisation").fill("Institut du Sahel");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expectToast(page, "Enregistré.");
  await expectNoAxeViolations(page);
});
