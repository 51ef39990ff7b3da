import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../fixtures/axe";
import { signInAsDemo } from "../fixtures/auth";
import { createWorkshop, openDemoWorkshop, uniqueTitle } from "../fixtures/workshops";

test("an observer sees no Members or Settings, and those pages are 404 for them", async ({ page }) => {
  await signInAsDemo(page, "Omar Observer");
  const workshopId = await openDemoWorkshop(page);
  await expect(page.getByText("Your role: Observer")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Workshop" }).getByRole("link")).toHaveText(["Overview", "Meeting note", "Themes", "Lessons", "Review"]);

  for (const section of ["settings", "members"]) {
    const response = await page.goto(`/workshops/${workshopId}/${section}`);
    expect(response?.status(), `/${section}`).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByText("This page does not exist, or you are not a member of its workshop.")).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test("a signed-in non-member gets 404 for another workshop's URL", async ({ page, browser }) => {
  await signInAsDemo(page, "Chen Participant");
  const title = uniqueTitle("Private workshop");
  const workshopId = await createWorkshop(page, { title });

  const otherContext = await browser.newContext();
  try {
    const other = await otherContext.newPage();
    await signInAsDemo(other, "Dalia Participant");
    await expect(other.getByRole("link", { name: title })).toHaveCount(0);
    for (const path of [`/workshops/${workshopId}`, `/workshops/${workshopId}/members`]) {
      const response = await other.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(other.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
      await expect(other.getByText(title)).toHaveCount(0);
    }
    await other.getByRole("link", { name: "Go to my workshops" }).click();
    await expect(other.getByRole("heading", { level: 1, name: "My workshops" })).toBeVisible();
  } finally {
    await otherContext.close();
  }
});
