import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { signInAsDemo } from "../fixtures/auth";
import { completeProfileStep, isSignInMail, requestMagicLink, uniqueEmail, uniqueName } from "../fixtures/magic-link";
import { waitForMail } from "../fixtures/mail";
import { inviteMember, uniqueTitle } from "../fixtures/workshops";
import { createDatedWorkshop, useLanguage } from "./helpers";

const OBSERVER_ABILITIES = ["Open the workshop and read its sources", "Read the meeting note as it is written", "Read the note's saved versions"];

test("an invitee reads what they are joining, gives a name on first sign-in, and can always see who sees what", async ({ page, browser, baseURL }) => {
  test.slow(); // two people, a magic link, two languages
  await signInAsDemo(page, "Olivia Organizer");
  const title = uniqueTitle("Joining workshop");
  const workshopId = await createDatedWorkshop(page, { title, date: "2026-06-13", place: "Bamako" });
  const invitee = uniqueEmail("joiner");
  const inviteeName = uniqueName("Joiner");
  const organization = `Org ${inviteeName.split(" ")[1]}`;
  const link = await inviteMember(page, workshopId, { email: invitee, role: "Observer", workshopTitle: title });

  const context = await browser.newContext();
  try {
    const guest = await context.newPage();
    // The invitation: title, date, place, the rule in plain words, the role and what it can do.
    await guest.goto(link);
    const details = guest.getByRole("region", { name: "About this workshop" });
    await expect(guest.getByText(`You are invited to join “${title}” as Observer.`)).toBeVisible();
    await expect(details.locator("dt")).toHaveText(["Date", "Place", "Rule", "Role offered"]);
    await expect(details.locator("dd")).toHaveText([
      "June 13, 2026",
      "Bamako",
      "Chatham House Rule: you may use what is said here, but not reveal who said it or their affiliation.",
      "Observer",
    ]);
    await expect(details.getByRole("heading", { name: "As Observer, you can:" })).toBeVisible();
    await expect(details.getByRole("listitem")).toHaveText(OBSERVER_ABILITIES);
    await expectNoAxeViolations(guest);

    // The same in French.
    await useLanguage(context, baseURL!, "fr");
    await guest.reload();
    await expect(guest.getByRole("region", { name: "À propos de cet atelier" }).locator("dt")).toHaveText(["Date", "Lieu", "Règle", "Rôle proposé"]);
    await expect(guest.getByRole("heading", { name: "Avec le rôle Observateur·rice, vous pouvez :" })).toBeVisible();
    await expect(guest.getByRole("listitem").first()).toHaveText("Ouvrir l’atelier et lire ses sources");
    await expectNoAxeViolations(guest);
    await guest.getByRole("button", { name: "Qui voit quoi" }).click();
    await expect(guest.getByRole("dialog", { name: "Qui voit quoi" })).toContainText("Seuls les organisateurs des ateliers que vous rejoignez les voient");
    await expectNoAxeViolations(guest);
    await guest.keyboard.press("Escape");
    await useLanguage(context, baseURL!, "en");

    // First sign-in: the profile step, before the invitation.
    await guest.goto(link);
    await guest.getByRole("link", { name: "Sign in to accept" }).click();
    await guest.goto(await requestMagicLink(guest, invitee));
    await expect(guest).toHaveURL(/\/welcome\?callbackUrl=%2Finvitations%2F/);
    await expect(guest.getByRole("heading", { level: 1, name: "Welcome to Rapporteur" })).toBeVisible();
    await expect(guest.getByRole("main")).toContainText("Only the organizers of the workshops you join see them, in their member list. Nobody else ever sees them");
    await expect(guest.getByRole("main")).toContainText("nothing that identifies you: no name, no organization, no e-mail address");
    await expect(guest.getByLabel("Display name")).toHaveAttribute("required", "");
    // The address never stands in for the name; the header does not show the address as a name.
    await expect(guest.getByLabel("Display name")).toHaveValue("");
    await expectNoAxeViolations(guest);
    // Elsewhere first: still the profile step, and it comes back to where the person was going.
    await guest.goto(`/workshops`);
    await expect(guest).toHaveURL(/\/welcome\?callbackUrl=%2Fworkshops/);
    await guest.goto(link);
    await expect(guest).toHaveURL(/\/welcome\?callbackUrl=%2Finvitations%2F/);
    await completeProfileStep(guest, { name: inviteeName, organization });
    await expect(guest).toHaveURL(new URL(link).pathname);
    await guest.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(guest).toHaveURL(new RegExp(`/workshops/${workshopId}$`));

    // "Who can see what", one click away on the workshop's pages; Escape closes it and focus comes back.
    const whoSees = guest.getByRole("button", { name: "Who can see what" });
    await whoSees.click();
    const dialog = guest.getByRole("dialog", { name: "Who can see what" });
    await expect(dialog.getByRole("heading")).toHaveText(["Who can see what", "Your name and organization", "Your contributions"]);
    await expectNoAxeViolations(guest);
    await guest.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(whoSees).toBeFocused();
    await guest.goto(`/workshops/${workshopId}/lessons`);
    await expect(guest.getByRole("button", { name: "Who can see what" })).toBeVisible();

    // An observer's empty lists say who adds things, with no button to do it.
    await guest.goto(`/workshops/${workshopId}`);
    await expect(guest.getByTestId("empty-sources")).toContainText("Organizers and rapporteurs add the sources");
    await expect(guest.getByTestId("empty-sources").getByRole("link")).toHaveCount(0);
    await expect(guest.getByTestId("empty-themes")).toContainText("The organizers set the themes; they will appear here.");

    // The organizer sees the name and organization given, in the member list only.
    await page.goto(`/workshops/${workshopId}/members`);
    const row = page.getByRole("row").filter({ hasText: invitee });
    await expect(row).toContainText(inviteeName);
    await expect(row).toContainText(organization);

    // Removing a member asks first: cancel keeps them, confirm removes them.
    const remove = row.getByRole("button", { name: `Remove ${inviteeName}` });
    const confirm = page.getByRole("alertdialog", { name: `Remove ${inviteeName} from the workshop?` });
    await remove.click();
    await expect(confirm).toContainText("What they contributed stays, with nobody's name on it.");
    await expectNoAxeViolations(page);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(remove).toBeFocused();
    await page.reload();
    await expect(page.getByRole("heading", { name: "2 members" })).toBeVisible();
    await page.getByRole("row").filter({ hasText: invitee }).getByRole("button", { name: `Remove ${inviteeName}` }).click();
    await confirm.getByRole("button", { name: `Remove ${inviteeName}` }).click();
    await expect(page.getByRole("heading", { name: "1 member" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: invitee })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("the profile step in French, and a name is required", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  try {
    await useLanguage(context, baseURL!, "fr");
    const page = await context.newPage();
    await page.goto("/sign-in");
    const email = uniqueEmail("francais");
    const since = new Date();
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByRole("button", { name: "M’envoyer un lien de connexion" }).click();
    await expect(page).toHaveURL(/\/sign-in\/check-email/);
    const mail = await waitForMail(email, { since, where: isSignInMail });
    await page.goto(mail.link!);
    await expect(page.getByRole("heading", { level: 1, name: "Bienvenue sur Rapporteur" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Seuls les organisateurs des ateliers que vous rejoignez les voient");
    await expectNoAxeViolations(page);
    // A blank name (spaces) is refused by the server with a message next to the field.
    await page.getByLabel("Nom affiché").fill("   ");
    await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Indiquez un nom affiché : les organisateurs le voient dans leur liste de membres.");
    await expect(page).toHaveURL(/\/welcome/);
    await page.getByLabel("Nom affiché").fill("Camille Dupont");
    await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await expect(page).toHaveURL(/\/workshops$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mes ateliers" })).toBeVisible();
  } finally {
    await context.close();
  }
});
