import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { acceptInvitation, createWorkshop, inviteMember, uniqueTitle } from "../fixtures/workshops";
import { moveCaret } from "./note-helpers";

async function openNote(page: Page, workshopId: string) {
  await page.goto(`/workshops/${workshopId}/note`);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  return page.getByRole("textbox", { name: "Meeting note" });
}

/** Every answer of the guard's routes the page receives, as text. */
function recordGuardAnswers(page: Page): string[] {
  const answers: string[] = [];
  page.on("response", async (response) => {
    if (!response.url().includes("/note/guard")) return;
    answers.push(await response.text().catch(() => ""));
  });
  return answers;
}

test("the guard flags a member's name and a speaker phrase live, names the member only to the rapporteur, dismisses with a reason, and lists open warnings before export", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Olivia organizes; Rafael is the rapporteur; Amina a participant.
  await signInAsDemo(page, "Olivia Organizer");
  const title = uniqueTitle("Guard workshop");
  const workshopId = await createWorkshop(page, { title });
  const rafaelLink = await inviteMember(page, workshopId, { email: "rapporteur@demo.rapporteur.test", role: "Rapporteur", workshopTitle: title });
  const aminaLink = await inviteMember(page, workshopId, { email: "amina@demo.rapporteur.test", role: "Participant", workshopTitle: title });
  const rafaelContext = await browser.newContext();
  const aminaContext = await browser.newContext();
  try {
    const rafael = await rafaelContext.newPage();
    await signInAsDemo(rafael, "Rafael Rapporteur");
    await acceptInvitation(rafael, rafaelLink);
    const amina = await aminaContext.newPage();
    await signInAsDemo(amina, "Amina Participant");
    await acceptInvitation(amina, aminaLink);
    const aminaAnswers = recordGuardAnswers(amina);

    // Rafael types the organizer's name (lower case) and "my delegation": flagged live.
    const note = await openNote(rafael, workshopId);
    await note.click();
    await moveCaret(note, "Control+End");
    await rafael.keyboard.press("Enter");
    await note.pressSequentially("As olivia organizer noted, my delegation found the mandate too broad.");
    const rafaelPanel = rafael.getByRole("complementary", { name: "Attribution check" });
    await expect(rafaelPanel.getByRole("status")).toHaveText("2 open warnings");
    await expect(rafaelPanel.getByRole("listitem").filter({ hasText: "olivia organizer" })).toContainText("Matches a member's name: Olivia Organizer.");
    await expect(rafaelPanel.getByRole("listitem").filter({ hasText: "my delegation" })).toContainText("This phrase may say who spoke");

    // "Show" selects the flagged words in the note.
    await rafaelPanel.getByRole("button", { name: "Show “my delegation” in the note" }).click();
    await expect.poll(() => rafael.evaluate(() => window.getSelection()?.toString())).toBe("my delegation");

    // Amina, a participant, is told the words may identify a person, never whose name they are.
    await openNote(amina, workshopId);
    const aminaPanel = amina.getByRole("complementary", { name: "Attribution check" });
    await expect(aminaPanel.getByRole("status")).toHaveText("2 open warnings");
    const flagged = aminaPanel.getByRole("listitem").filter({ hasText: "olivia organizer" });
    await expect(flagged).toContainText("This may identify a person.");
    await expect(flagged).not.toContainText("Matches a member");
    await expect(aminaPanel).not.toContainText("Olivia Organizer");
    await expectNoAxeViolations(amina);

    // She dismisses the phrase with a reason: it leaves the list, for Rafael too at his next check.
    await aminaPanel.getByRole("button", { name: "Dismiss the warning on “my delegation”" }).click();
    await aminaPanel.getByLabel("Why this is not a problem").fill("Quoted from the public report");
    await aminaPanel.getByRole("button", { name: "Dismiss the warning", exact: true }).click();
    await expect(aminaPanel.getByRole("status")).toHaveText("1 open warning");
    await aminaPanel.getByText("1 dismissed warning").click();
    await expect(aminaPanel.getByText("Dismissed: Quoted from the public report")).toBeVisible();
    expect(aminaAnswers.length).toBeGreaterThan(0);
    for (const answer of aminaAnswers) {
      expect(answer).not.toContain("Olivia Organizer");
      expect(answer).not.toContain("organizer@demo.rapporteur.test");
    }

    // Export: the checklist lists the open warning and asks before downloading.
    await moveCaret(note, "End");
    await note.pressSequentially(" More.");
    await expect(rafaelPanel.getByRole("status")).toHaveText("1 open warning");
    await expect(rafael.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
    await rafael.getByRole("button", { name: "Markdown" }).click();
    const dialog = rafael.getByRole("alertdialog", { name: "Before you download the note" });
    await expect(dialog.getByRole("listitem")).toHaveCount(1);
    await expect(dialog.getByRole("listitem")).toContainText("olivia organizer");
    await expectNoAxeViolations(rafael);
    const downloading = rafael.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download anyway" }).click();
    const markdown = await readFile((await (await downloading).path())!, "utf8");
    expect(markdown).toContain("my delegation found the mandate too broad");
  } finally {
    await rafaelContext.close();
    await aminaContext.close();
  }
});
