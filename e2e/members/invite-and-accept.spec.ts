import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { signInAsDemo } from "../fixtures/auth";
import { completeProfileStep, requestMagicLink, uniqueEmail, uniqueName } from "../fixtures/magic-link";
import { createWorkshop, inviteMember, uniqueTitle } from "../fixtures/workshops";

test("an invited person signs in from the invitation, joins, changes role and is removed", async ({ page, browser }) => {
  test.slow(); // two people, two magic links and five organizer actions: longer than the 30 s default under load
  // The organizer: the demo organizer, on a workshop of their own.
  await signInAsDemo(page, "Olivia Organizer");
  const title = uniqueTitle("Invitation workshop");
  const workshopId = await createWorkshop(page, { title });
  await page.getByRole("navigation", { name: "Workshop" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "1 member" })).toBeVisible();

  const invitee = uniqueEmail("invitee");
  const inviteeName = uniqueName("Invitee");
  const invitationLink = await inviteMember(page, workshopId, { email: invitee, role: "Participant", workshopTitle: title });
  expect(new URL(invitationLink).pathname).toMatch(/^\/invitations\/[^/]+$/);
  const pending = page.getByRole("region", { name: "Pending invitations" });
  await expect(pending.getByRole("listitem").filter({ hasText: invitee })).toContainText("Participant");
  await expectNoAxeViolations(page);

  // The invitee, in a browser of their own.
  const inviteeContext = await browser.newContext();
  try {
    const guest = await inviteeContext.newPage();
    await guest.goto(invitationLink);
    await expect(guest.getByRole("heading", { level: 1, name: "Invitation" })).toBeVisible();
    await expect(guest.getByText(`You are invited to join “${title}” as Participant.`)).toBeVisible();
    await expectNoAxeViolations(guest);

    await guest.getByRole("link", { name: "Sign in to accept" }).click();
    await expect(guest).toHaveURL(/\/sign-in\?callbackUrl=%2Finvitations%2F/);
    await expect(guest.getByLabel("Email address")).toHaveValue(invitee);
    const signInLink = await requestMagicLink(guest, invitee);
    await guest.goto(signInLink);
    // A new account first gives a display name; then the sign-in link's callback brings the person back to the invitation.
    await completeProfileStep(guest, { name: inviteeName });
    await expect(guest).toHaveURL(new URL(invitationLink).pathname);
    await guest.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(guest).toHaveURL(new RegExp(`/workshops/${workshopId}$`));
    await expect(guest.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(guest.getByText("Your role: Participant")).toBeVisible();
    await expect(guest.getByRole("navigation", { name: "Workshop" }).getByRole("link")).toHaveText(["Overview", "Meeting note", "Themes", "Lessons", "Review"]);

    // The link worked once; a second use is refused.
    await guest.goto(invitationLink);
    await expect(guest.getByRole("main").getByRole("alert")).toHaveText("This invitation has already been used. Ask the organizer for a new one.");
    await expect(guest.getByRole("button", { name: "Accept the invitation" })).toHaveCount(0);

    // The organizer now lists them under the name they gave, with their address.
    await page.reload();
    await expect(page.getByRole("heading", { name: "2 members" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: invitee });
    const roleSelect = row.getByRole("combobox", { name: `Role of ${inviteeName}` });
    await expect(roleSelect).toHaveValue("PARTICIPANT");
    await expect(page.getByRole("region", { name: "Pending invitations" })).toHaveCount(0);

    // Change their role to observer.
    await roleSelect.selectOption({ label: "Observer" });
    // The server action's answer, so that the reload below cannot cut it short.
    const roleChanged = page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith(`/workshops/${workshopId}/members`));
    await row.getByRole("button", { name: `Change role ${inviteeName}` }).click();
    expect((await roleChanged).ok()).toBe(true);
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: invitee }).getByRole("combobox")).toHaveValue("OBSERVER");
    await guest.goto(`/workshops/${workshopId}`);
    await expect(guest.getByText("Your role: Observer")).toBeVisible();

    // Remove them: it asks first, and cancelling keeps them.
    const removeButton = page.getByRole("row").filter({ hasText: invitee }).getByRole("button", { name: `Remove ${inviteeName}` });
    const removeDialog = page.getByRole("alertdialog", { name: `Remove ${inviteeName} from the workshop?` });
    await removeButton.click();
    await removeDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(removeDialog).toHaveCount(0);
    await expect(removeButton).toBeFocused();
    await expect(page.getByRole("heading", { name: "2 members" })).toBeVisible();
    await removeButton.click();
    await removeDialog.getByRole("button", { name: `Remove ${inviteeName}` }).click();
    await expect(page.getByRole("row").filter({ hasText: invitee })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "1 member" })).toBeVisible();

    const response = await guest.reload();
    expect(response?.status()).toBe(404);
    await expect(guest.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(guest.getByRole("heading", { name: title })).toHaveCount(0);
    await expectNoAxeViolations(guest);

    // Nor can the old link bring them back.
    await guest.goto(invitationLink);
    await expect(guest.getByRole("main").getByRole("alert")).toHaveText("This invitation has already been used. Ask the organizer for a new one.");
  } finally {
    await inviteeContext.close();
  }
});
