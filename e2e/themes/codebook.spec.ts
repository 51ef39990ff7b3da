import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { tabTo } from "../fixtures/keyboard";
import { signInWithMagicLink, uniqueEmail } from "../fixtures/magic-link";
import { acceptInvitation, createWorkshop, inviteMember, uniqueTitle } from "../fixtures/workshops";
import { addTheme, codebookNames, openCodebook, themeIdsByName } from "./codebook-helpers";

const FIVE = [
  { name: "Mandate", description: "What the Council asked for.", color: "Teal" },
  { name: "Host-state consent", description: "How consent eroded.", color: "Red" },
  { name: "Protection of civilians", description: "", color: "Green" },
  { name: "Partners", description: "Who worked alongside.", color: "Indigo" },
  { name: "Drawdown", description: "Leaving in 2023.", color: "Stone grey" },
];

/** A short source and annotations through the API, tagged as given (for the dialogs' counts). */
async function annotate(page: import("@playwright/test").Page, baseURL: string, workshopId: string, tags: string[][]) {
  const text = "One two three four five six seven eight nine ten eleven twelve.";
  const created = await page.request.post(`/api/workshops/${workshopId}/sources`, {
    multipart: { text, format: "TEXT", title: "Tagged source" },
    headers: { origin: baseURL },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { source } = (await created.json()) as { source: { id: string } };
  for (const [index, themeIds] of tags.entries()) {
    const response = await page.request.post(`/api/workshops/${workshopId}/sources/${source.id}/annotations`, {
      data: { start: index * 4, end: index * 4 + 3, comment: `Tagged ${index}`, themeIds },
      headers: { origin: baseURL },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
}

test("an organizer builds a codebook, a participant proposes live, themes merge and go, and it travels to another workshop", async ({ page, browser, baseURL }) => {
  test.slow();
  await signInWithMagicLink(page);
  const title = uniqueTitle("Codebook workshop");
  const workshopId = await createWorkshop(page, { title });
  await openCodebook(page, workshopId);
  await expect(page.getByText("No themes yet.")).toBeVisible();

  for (const theme of FIVE) await addTheme(page, theme);
  await expect(codebookNames(page)).toHaveText(FIVE.map((theme) => new RegExp(`^${theme.name}`)));
  await page.getByRole("button", { name: "Move up: “Partners”" }).click();
  const order = ["Mandate", "Host-state consent", "Partners", "Protection of civilians", "Drawdown"];
  await expect(codebookNames(page)).toHaveText(order.map((name) => new RegExp(`^${name}`)));
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^Mandate/ }) })).toContainText("What the Council asked for.");
  await expectNoAxeViolations(page);

  // A participant joins and proposes a sixth theme; the organizer sees it arrive live.
  const participantEmail = uniqueEmail("proposer");
  const link = await inviteMember(page, workshopId, { email: participantEmail, workshopTitle: title });
  const participantContext = await browser.newContext();
  try {
    const participant = await participantContext.newPage();
    await signInWithMagicLink(participant, participantEmail);
    await acceptInvitation(participant, link);
    await openCodebook(participant, workshopId);
    await openCodebook(page, workshopId);
    // Both pages' sockets are in the workshop room once each sees the other (a small room: no number).
    for (const person of [page, participant]) await expect(person.getByTestId("live-count")).toHaveText("You and a few others here now");
    await expect(participant.getByRole("button", { name: "Add theme" })).toHaveCount(0);

    const propose = participant.getByRole("region", { name: "Propose a theme" });
    await propose.getByLabel("Name").fill("Logistics");
    await propose.getByLabel("Description (optional)").fill("Roads, air, water.");
    await propose.getByLabel("Why is it needed? (optional)").fill("Half the comments mention convoys.");
    await propose.getByRole("button", { name: "Propose" }).click();
    await expect(propose.getByRole("status")).toHaveText("Your proposal is waiting for the organizers.");

    const proposals = page.getByRole("list", { name: "Theme proposals" });
    const proposal = proposals.getByRole("listitem").filter({ hasText: "Logistics" });
    // In a room this small, a proposal reaches the others at the end of a 10-second window.
    await expect(proposal).toContainText("Awaiting decision", { timeout: 20_000 });
    await expect(proposal).toContainText("Half the comments mention convoys.");
    await expect(proposal).not.toContainText("yours");
    await expectNoAxeViolations(page);
    await proposal.getByRole("button", { name: "Accept “Logistics”" }).click();
    await expect(codebookNames(page)).toHaveCount(6);
    await expect(codebookNames(page).last()).toHaveText(/^Logistics/);
    // The proposer sees the decision live, as theirs.
    const own = participant.getByRole("list", { name: "Theme proposals" }).getByRole("listitem").filter({ hasText: "Logistics" });
    await expect(own).toContainText("Accepted");
    await expect(own).toContainText("yours");
    await expect(codebookNames(participant)).toHaveCount(6);
  } finally {
    await participantContext.close();
  }

  // Tag a few annotations so that the dialogs have something to count.
  const ids = await themeIdsByName(page, workshopId);
  await annotate(page, baseURL!, workshopId, [[ids.Partners!], [ids.Partners!, ids.Mandate!], [ids.Drawdown!], [ids.Drawdown!, ids.Mandate!], [ids.Drawdown!, ids.Partners!]]);

  // Merge "Partners" into "Mandate": the dialog says what moves.
  await page.getByLabel("Merge “Partners” into", { exact: true }).selectOption({ label: "Mandate" });
  await page.getByRole("button", { name: "Merge “Partners” into the chosen theme" }).click();
  const mergeDialog = page.getByRole("alertdialog", { name: "Merge “Partners” into “Mandate”?" });
  await expect(mergeDialog).toContainText("3 annotations tagged with “Partners” will be tagged with “Mandate” instead.");
  await expectNoAxeViolations(page);
  await mergeDialog.getByRole("button", { name: "Merge themes" }).click();
  await expect(mergeDialog).toBeHidden();
  await expect(codebookNames(page)).toHaveText([/^Mandate/, /^Host-state consent/, /^Protection of civilians/, /^Drawdown/, /^Logistics/]);

  // Delete "Drawdown": three annotations carry it, one of them nothing else.
  await page.getByRole("button", { name: "Delete “Drawdown”" }).click();
  const deleteDialog = page.getByRole("alertdialog", { name: "Delete the theme “Drawdown”?" });
  await expect(deleteDialog).toContainText("3 annotations are tagged with it; 1 of them has no other theme and will become untagged.");
  await deleteDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(codebookNames(page)).toHaveCount(5);
  await page.getByRole("button", { name: "Delete “Drawdown”" }).click();
  await deleteDialog.getByRole("button", { name: "Delete theme" }).click();
  await expect(deleteDialog).toBeHidden();
  const kept = ["Mandate", "Host-state consent", "Protection of civilians", "Logistics"];
  await expect(codebookNames(page)).toHaveText(kept.map((name) => new RegExp(`^${name}`)));

  // Export as JSON, and import it into a fresh workshop.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Rapporteur (.json)" }).click();
  const download = await downloading;
  const file = test.info().outputPath("codebook.json");
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, "utf8"));
  expect(exported).toMatchObject({ format: "rapporteur-codebook", version: 1 });
  expect(exported.themes.map((theme: { name: string }) => theme.name)).toEqual(kept);

  const secondId = await createWorkshop(page, { title: uniqueTitle("Imported codebook") });
  await openCodebook(page, secondId);
  await page.getByLabel("Import a codebook file").setInputFiles(file);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "4 themes added; none skipped." })).toBeVisible();
  await expect(codebookNames(page)).toHaveText(kept.map((name) => new RegExp(`^${name}`)));
  await page.getByLabel("Import a codebook file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a codebook") });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This file is not a codebook Rapporteur can read." })).toBeVisible();

  // A third workshop starts from the first one's codebook.
  await page.goto("/workshops/new");
  await page.getByLabel("Title").fill(uniqueTitle("Copied codebook"));
  await page.getByLabel("Start from the codebook of").selectOption({ label: `${title} (4 themes)` });
  await page.getByRole("button", { name: "Create workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Copied codebook/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Themes" }).getByRole("listitem")).toHaveText(kept);
});

test("the codebook page in English and French passes axe, and reads the same after a switch", async ({ page }) => {
  await signInWithMagicLink(page);
  const workshopId = await createWorkshop(page, { title: uniqueTitle("Axe codebook") });
  await openCodebook(page, workshopId);
  await addTheme(page, { name: "Mandate", description: "Why it was there.", color: "Cyan" });
  await page.getByRole("button", { name: "Edit “Mandate”" }).click();
  await expect(page.getByRole("form", { name: "Edit “Mandate”" }).getByLabel("Name")).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
  await expect(page.getByRole("heading", { level: 1, name: "Thèmes" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Sarcelle" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("combobox", { name: "Langue" }).selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Themes" })).toBeVisible();
});

test("a theme can be created and moved with the keyboard alone", async ({ page }) => {
  await signInWithMagicLink(page);
  const workshopId = await createWorkshop(page, { title: uniqueTitle("Keyboard codebook") });
  await openCodebook(page, workshopId);
  const form = page.getByRole("region", { name: "Add a theme" });

  for (const name of ["First by keyboard", "Second by keyboard"]) {
    await tabTo(page, form.getByLabel("Name"));
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("Description (optional)")).toBeFocused();
    await page.keyboard.type(`Typed for ${name}.`);
    // Into the colour radio group: arrows choose a colour.
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await tabTo(page, form.getByRole("button", { name: "Add theme" }));
    await page.keyboard.press("Enter");
    await expect(codebookNames(page).filter({ hasText: name })).toHaveCount(1);
  }
  // Each started on the next unused colour (orange) and went two to the right: orange → red → pink.
  await expect(codebookNames(page)).toHaveText([/^First by keyboard \(Pink\)/, /^Second by keyboard \(Pink\)/]);

  const moveUp = page.getByRole("button", { name: "Move up: “Second by keyboard”" });
  await tabTo(page, moveUp);
  await page.keyboard.press("Enter");
  await expect(codebookNames(page)).toHaveText([/^Second by keyboard/, /^First by keyboard/]);
  // Now first, it cannot go further up: the focus stays on it, on "Move down".
  await expect(page.getByRole("button", { name: "Move down: “Second by keyboard”" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "“Second by keyboard” is now number 1 of 2." })).toBeAttached();
  await page.keyboard.press("Enter");
  await expect(codebookNames(page)).toHaveText([/^First by keyboard/, /^Second by keyboard/]);
});
