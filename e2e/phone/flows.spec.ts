import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { expectNoOverflow } from "../fixtures/overflow";
import { addSource, cardWith, createReadingWorkshop, findThemes, openReader } from "../fixtures/reader";
import { createWorkshop, inviteMember, uniqueTitle } from "../fixtures/workshops";
import { createLesson, lessonCard, openBoard } from "../lessons/lesson-helpers";
import { PHONE_DEVICE } from "./phone";

test.use(PHONE_DEVICE);

const TEXT = [
  "Field report from the northern sector.",
  "After the withdrawal, local committees took over the patrols and asked for radios.",
].join("\n\n");

test("on a phone, an invitee joins from the invitation and writes in the note with the toolbar", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAsDemo(page, "Olivia Organizer");
  const title = uniqueTitle("Phone join");
  const workshopId = await createWorkshop(page, { title });
  const link = await inviteMember(page, workshopId, { email: "bruno@demo.rapporteur.test", role: "Participant", workshopTitle: title });

  const phone = await browser.newContext(PHONE_DEVICE);
  try {
    const bruno = await phone.newPage();
    await signInAsDemo(bruno, "Bruno Participant");
    await bruno.goto(link);
    await expect(bruno.getByRole("region", { name: "About this workshop" })).toBeVisible();
    await expectNoOverflow(bruno);
    await bruno.getByRole("button", { name: "Accept the invitation" }).tap();
    await expect(bruno.getByRole("heading", { level: 1, name: title })).toBeVisible();

    // The workshop's sections are reachable from the narrow header.
    await bruno.getByRole("link", { name: "Meeting note" }).tap();
    await expect(bruno.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
    const note = bruno.getByRole("textbox", { name: "Meeting note" });
    const toolbar = bruno.getByRole("toolbar", { name: "Formatting" });
    await expect(toolbar).toBeVisible();
    await expectNoOverflow(bruno);

    // The caret waits in the Introduction; Bold from the toolbar, then words.
    await expect(note).toBeFocused();
    await toolbar.getByRole("button", { name: "Bold" }).tap();
    await bruno.keyboard.type("Written on a phone.");
    await expect(note.locator("strong")).toHaveText("Written on a phone.");
    await expect(bruno.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  } finally {
    await phone.close();
  }
});

test("on a phone, a participant annotates a passage (cards come after the text) and endorses a lesson", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsDemo(page, "Chen Participant");
  const workshopId = await createReadingWorkshop(page, "Phone reading");
  const themes = await findThemes(page, workshopId);
  const { sourceId } = await addSource(page, workshopId, { title: uniqueTitle("Phone source"), text: TEXT });
  await openReader(page, workshopId, sourceId);

  await page.getByRole("textbox", { name: "Find a passage to annotate" }).fill("local committees took over");
  await page.getByRole("textbox", { name: "Find a passage to annotate" }).press("Enter");
  const newAnnotation = page.getByRole("region", { name: "New annotation" });
  await expect(newAnnotation.locator(".pending-quote q")).toHaveText("local committees took over");
  const comment = `Committees ${Date.now()}`;
  await newAnnotation.getByLabel("Comment (optional)").fill(comment);
  await newAnnotation.getByRole("checkbox", { name: themes[0]!.name }).tap();
  await newAnnotation.getByRole("button", { name: "Annotate" }).tap();
  const card = cardWith(page, comment);
  await expect(card).toBeVisible();
  // One column: the margin's cards sit under the text, not beside it.
  const textBox = (await page.locator(".reader-text").boundingBox())!;
  const cardBox = (await card.boundingBox())!;
  expect(cardBox.y).toBeGreaterThanOrEqual(textBox.y + textBox.height - 1);
  await expectNoOverflow(page);

  const statement = `Committees need radios ${Date.now()}`;
  await createLesson(page, workshopId, { statement, themeIds: [themes[0]!.id] });
  await openBoard(page, workshopId);
  const lesson = lessonCard(page, statement);
  await lesson.getByRole("button", { name: "Endorse" }).tap();
  await expect(lesson.getByRole("button", { name: "Endorse" })).toHaveAttribute("aria-pressed", "true");
  await expect(lesson.getByTestId("lesson-phrase")).toHaveText("One participant");
  await expectNoOverflow(page);
});
