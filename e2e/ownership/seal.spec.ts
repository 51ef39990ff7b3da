import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { acceptInvitation, createWorkshop, inviteMember, uniqueTitle } from "../fixtures/workshops";

const TEXT = "Consent of the host state faded over the years, and partners stepped in late.";

// On a workshop of its own: sealing the demo workshop would take other tests' annotations away from them.
test("an organizer seals the workshop; a participant can no longer edit their annotation, and is told why", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const origin = new URL(baseURL!).origin;
  await signInAsDemo(page, "Olivia Organizer");
  const title = uniqueTitle("Sealed workshop");
  const workshopId = await createWorkshop(page, { title });
  const created = await page.request.post(`/api/workshops/${workshopId}/sources`, { headers: { origin }, multipart: { title: "Field notes", format: "TEXT", text: TEXT } });
  expect(created.status()).toBe(201);
  const sourceId = (await created.json()).source.id as string;
  const link = await inviteMember(page, workshopId, { email: "chen@demo.rapporteur.test", role: "Participant", workshopTitle: title });

  const chenContext = await browser.newContext();
  try {
    const chen = await chenContext.newPage();
    await signInAsDemo(chen, "Chen Participant");
    await acceptInvitation(chen, link);
    // Chen's annotation (through the same route the reader uses).
    const annotated = await chen.request.post(`/api/workshops/${workshopId}/sources/${sourceId}/annotations`, {
      headers: { origin },
      data: { start: 0, end: 7, comment: "Consent is the thread of it all." },
    });
    expect(annotated.status()).toBe(201);
    await chen.goto(`/workshops/${workshopId}/sources/${sourceId}`);
    const card = chen.getByRole("article").filter({ hasText: "Consent is the thread of it all." });
    await expect(card.getByRole("button", { name: "Edit" })).toBeVisible();

    // The organizer seals, after a dialog that says what it means.
    await page.goto(`/workshops/${workshopId}/settings`);
    await page.getByRole("button", { name: "Seal the workshop…" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Seal this workshop now?" });
    await expect(dialog).toContainText("This cannot be undone.");
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Seal the workshop" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The workshop is sealed." })).toBeVisible();
    await expect(page.getByText(/This workshop was sealed on .*: what was written before belongs to nobody now/)).toBeVisible();

    // Chen's page, reloaded: no edit or delete any more, and the reason on the page.
    await chen.reload();
    await expect(card).toBeVisible();
    await expect(card.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(card.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(chen.getByText(/This workshop was sealed on .*so nobody can edit, delete or hide it/)).toBeVisible();
    // And the server refuses, saying why, whatever the page shows.
    const annotationId = (await annotated.json()).annotation.id as string;
    const refused = await chen.request.patch(`/api/workshops/${workshopId}/annotations/${annotationId}`, { headers: { origin }, data: { comment: "Changed", themeIds: [] } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain("belongs to nobody now");
    await expectNoAxeViolations(chen);
  } finally {
    await chenContext.close();
  }
});
