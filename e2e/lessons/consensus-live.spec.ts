import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { createWorkshop, uniqueTitle } from "../fixtures/workshops";
import { findThemes } from "../fixtures/reader";
import { createLesson, joinAsMembers, lessonCard, openBoard } from "./lesson-helpers";

/**
 * Stance changes reach other people in batches, at the end of a 10-second window aligned to the
 * clock: every live wait allows a window and a half, never a fixed sleep.
 */
const BATCHED = { timeout: 25_000 };

test("three participants endorse one lesson; everyone sees its phrase go from “One participant” to “A few participants” live", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsDemo(page, "Olivia Organizer");
  const workshopTitle = uniqueTitle("Consensus live");
  const workshopId = await createWorkshop(page, { title: workshopTitle });
  const created = await page.request.post(`/api/workshops/${workshopId}/themes`, { headers: { origin: new URL(page.url()).origin }, data: { name: "Host-state consent", color: "teal" } });
  expect(created.status(), await created.text()).toBe(201);
  const [theme] = await findThemes(page, workshopId);
  const statement = `Host-state consent eroded as the mission went on ${Date.now()}`;
  await createLesson(page, workshopId, { statement, themeIds: [theme!.id] });

  // Five members may take a stance (the organizer, a rapporteur, three participants): three
  // endorsements are "a few", not yet "generally agreed".
  const members = await joinAsMembers(browser, page, {
    workshopId,
    workshopTitle,
    people: [
      { name: "Amina Participant", email: "amina@demo.rapporteur.test" },
      { name: "Bruno Participant", email: "bruno@demo.rapporteur.test" },
      { name: "Chen Participant", email: "chen@demo.rapporteur.test" },
      { name: "Rafael Rapporteur", email: "rapporteur@demo.rapporteur.test", role: "Rapporteur" },
    ],
  });
  try {
    const participants = members.slice(0, 3).map(({ page }) => page);
    for (const participant of participants) await openBoard(participant, workshopId);
    const phrases = participants.map((participant) => lessonCard(participant, statement).getByTestId("lesson-phrase"));
    for (const phrase of phrases) await expect(phrase).toHaveText("No stance yet");

    const [amina, bruno, chen] = participants;
    await lessonCard(amina!, statement).getByRole("button", { name: "Endorse" }).click();
    await expect(lessonCard(amina!, statement).getByRole("button", { name: "Endorse" })).toHaveAttribute("aria-pressed", "true");
    for (const phrase of phrases) await expect(phrase).toHaveText("One participant", BATCHED);

    await lessonCard(bruno!, statement).getByRole("button", { name: "Endorse" }).click();
    await lessonCard(chen!, statement).getByRole("button", { name: "Endorse" }).click();
    for (const phrase of phrases) await expect(phrase).toHaveText("A few participants", BATCHED);
    // Three of five, with two left without a stance: no number that could single anyone out.
    await expect(lessonCard(amina!, statement)).toContainText("Numbers are not shown when they could identify someone.");

    // The organizer, who took no stance, sees the same phrase on a fresh board.
    await openBoard(page, workshopId);
    await expect(lessonCard(page, statement).getByTestId("lesson-phrase")).toHaveText("A few participants");
  } finally {
    for (const { context } of members) await context.close();
  }
});
