import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { acceptInvitation, createWorkshop, inviteMember, uniqueTitle } from "../fixtures/workshops";

// On a workshop of its own: other tests visit the demo workshop and would change its count.
test("the live count follows a second person joining and leaving, without an exact number below four", async ({ page, browser }) => {
  await signInAsDemo(page, "Amina Participant");
  const title = uniqueTitle("Live workshop");
  const workshopId = await createWorkshop(page, { title });
  const invitationLink = await inviteMember(page, workshopId, {
    email: "bruno@demo.rapporteur.test",
    role: "Participant",
    workshopTitle: title,
  });

  const brunoContext = await browser.newContext();
  try {
    const bruno = await brunoContext.newPage();
    await signInAsDemo(bruno, "Bruno Participant");
    await acceptInvitation(bruno, invitationLink);
    await bruno.close();

    await page.goto(`/workshops/${workshopId}`);
    const count = page.getByTestId("live-count");
    await expect(count).toHaveText("Only you here now");

    const brunoAgain = await brunoContext.newPage();
    await brunoAgain.goto(`/workshops/${workshopId}`);
    await expect(brunoAgain.getByTestId("live-count")).toHaveText("You and a few others here now");
    await expect(count).toHaveText("You and a few others here now");

    await brunoAgain.close();
    await expect(count).toHaveText("Only you here now");
  } finally {
    await brunoContext.close();
  }
});
