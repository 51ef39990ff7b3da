import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { signInAsDemo } from "../fixtures/auth";
import { CHATHAM_HOUSE_BANNER, DEMO_WORKSHOP_TITLE } from "../fixtures/workshops";

const IPI_NOTE = "Emerging Lessons from MINUSMA's Experience in Mali";

const DEMO_THEMES = [
  "MINUSMA's evolving role in Mali",
  "Relationship with the host state and population",
  "Support to the political transition and peace process",
  "Partnerships with regional organizations and other security actors",
  "Security Council dynamics",
];

test("one-click demo sign-in shows the demo workshop, its sources and themes; sign out works", async ({ page }) => {
  await signInAsDemo(page, "Amina Participant");
  // The header names the person by their display name (their address only until they give one).
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Amina Participant");

  await page.getByRole("link", { name: DEMO_WORKSHOP_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_WORKSHOP_TITLE })).toBeVisible();
  await expect(page.getByText("Your role: Participant")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Rule of attribution" })).toHaveText(CHATHAM_HOUSE_BANNER);

  const sources = page.getByRole("region", { name: "Sources" });
  await expect(sources.getByRole("listitem")).toHaveCount(3);
  await expect(sources.getByRole("link")).toHaveText([
    IPI_NOTE,
    "Examining Extremism: Jama'at Nasr al-Islam wal Muslimin",
    "The Republic of Mali and MINUSMA (executive summary)",
  ]);
  const themes = page.getByRole("region", { name: "Themes" });
  await expect(themes.getByRole("listitem")).toHaveText(DEMO_THEMES);
  await expectNoAxeViolations(page);

  // The reading view of the IPI note, with its outline.
  await sources.getByRole("link", { name: IPI_NOTE, exact: true }).click();
  await expect(page).toHaveURL(/\/sources\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: IPI_NOTE })).toBeVisible();
  const outline = page.getByRole("navigation", { name: "Outline" });
  for (const heading of ["Introduction", "MINUSMA's Evolving Role in Mali", "Security Council Dynamics", "Conclusion"]) {
    await expect(outline.getByRole("link", { name: heading, exact: true })).toBeVisible();
  }
  await outline.getByRole("link", { name: "Conclusion", exact: true }).click();
  await expect(page).toHaveURL(/#p\d+$/);
  await expect(page.getByRole("heading", { name: "Conclusion", exact: true })).toBeInViewport();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "← Back to the workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_WORKSHOP_TITLE })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.goto("/workshops");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fworkshops/);
});

test("sign out everywhere ends the person's sessions in every browser", async ({ browser }) => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  try {
    const onLaptop = await laptop.newPage();
    const onPhone = await phone.newPage();
    await signInAsDemo(onLaptop, "Chen Participant");
    await signInAsDemo(onPhone, "Chen Participant");

    await onLaptop.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(onLaptop).toHaveURL(/\/sign-in/);

    await onPhone.reload();
    await expect(onPhone).toHaveURL(/\/sign-in\?callbackUrl=%2Fworkshops/);
  } finally {
    await laptop.close();
    await phone.close();
  }
});
