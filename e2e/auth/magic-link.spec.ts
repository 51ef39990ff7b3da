import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { waitForMail } from "../fixtures/mail";
import { completeProfileStep, isSignInMail, uniqueEmail, uniqueName } from "../fixtures/magic-link";

test("an emailed magic link signs a new person in, and works only once", async ({ page, browser }) => {
  // Four pages checked with axe, a mail awaited and a second browser: past 30 s on a busy machine.
  test.setTimeout(60_000);
  const email = uniqueEmail();

  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A malformed address is refused on the spot.
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Enter an email address such as name@example.org.");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");

  const since = new Date();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`We sent a sign-in link to ${email}.`)).toBeVisible();
  await expectNoAxeViolations(page);

  const mail = await waitForMail(email, { since, where: isSignInMail });
  expect(mail.subject).toBe("Your Rapporteur sign-in link");
  const link = mail.links.find((candidate) => candidate.includes("/api/auth/callback/email"))!;

  await page.goto(link);
  // A new account has no name yet: the profile step comes first, then where the link was going.
  await completeProfileStep(page, { name: uniqueName() });
  await expect(page).toHaveURL(/\/workshops$/);
  await expect(page.getByRole("heading", { level: 1, name: "My workshops" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText(email);
  await expect(page.getByText("You are not a member of any workshop yet.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The same link, opened again by someone not signed in, is refused.
  const stranger = await browser.newContext();
  try {
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(link);
    await expect(strangerPage).toHaveURL(/\/sign-in\?.*error=Verification/);
    await expect(strangerPage.getByRole("main").getByRole("alert")).toHaveText(
      "This sign-in link has expired or has already been used. Ask for a new one below.",
    );
    await expect(strangerPage.getByRole("navigation", { name: "Main" })).not.toContainText(email);
    await expectNoAxeViolations(strangerPage);
    await strangerPage.goto("/workshops");
    await expect(strangerPage).toHaveURL(/\/sign-in\?callbackUrl=%2Fworkshops/);
  } finally {
    await stranger.close();
  }
});
