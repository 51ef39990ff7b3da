import { expect, test } from "@playwright/test";
import { signInViaDemoButton } from "../fixtures/auth";
import { expectNoAxeViolations } from "../fixtures/axe";
import { createWorkshop, uniqueTitle } from "../fixtures/workshops";

const ORGANIZER = "Sign in as Olivia Organizer (Organizer)";
const DOOMED = "The helicopter fleet was withdrawn too early.";
const MARKDOWN = [
  "# Field notes",
  "",
  "The mission opened three camps in the north.",
  "",
  `Logistics were the main constraint. ${DOOMED} Convoys took weeks.`,
  "",
  "## Conclusion",
  "",
  "Plan the drawdown with the host state.",
].join("\n");

test("an organizer adds a source by upload, annotates it, and revises the text away from the annotation", async ({ page }) => {
  await signInViaDemoButton(page, ORGANIZER);
  const workshopId = await createWorkshop(page, { title: uniqueTitle("Sources e2e") });

  await page.getByRole("link", { name: "Add a source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a source" })).toBeVisible();
  await page.getByRole("radio", { name: "Upload a file" }).check();
  await expectNoAxeViolations(page);

  const title = uniqueTitle("Field notes");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "field-notes.md", mimeType: "text/markdown", buffer: Buffer.from(MARKDOWN) });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Authors").fill("A. Writer, B. Editor");
  await page.getByLabel("Publisher").fill("Field Office");
  await page.getByLabel("Date of publication").fill("May 2024");
  await page.getByLabel("Web address (URL)").fill("https://example.org/field-notes");
  await page.getByLabel("Short form for footnotes").fill("Field Office (2024)");
  await page.getByRole("button", { name: "Add the source" }).click();

  await expect(page).toHaveURL(new RegExp(`/workshops/${workshopId}/sources/[^/]+$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("A. Writer, B. Editor")).toBeVisible();
  await expect(page.locator(".reader-text")).toContainText(DOOMED);
  await expect(page.getByTestId("live-count")).toContainText(/here now/);

  await page.getByRole("textbox", { name: "Find a passage to annotate" }).focus();
  await page.keyboard.type(DOOMED);
  await page.keyboard.press("Enter");
  const newAnnotation = page.getByRole("region", { name: "New annotation" });
  await expect(newAnnotation.locator("q")).toHaveText(DOOMED);
  const comment = `Air assets matter ${Date.now()}`;
  await newAnnotation.getByLabel("Comment (optional)").fill(comment);
  await newAnnotation.getByRole("button", { name: "Annotate" }).click();
  await expect(page.getByRole("article").filter({ hasText: comment })).toBeVisible();

  await page.getByRole("link", { name: "Revise the text" }).click();
  const editor = page.getByLabel("Text of the source");
  await expect(editor).toHaveValue(/helicopter fleet/);
  await expectNoAxeViolations(page);
  await editor.fill((await editor.inputValue()).replace(` ${DOOMED}`, ""));
  await page.getByRole("button", { name: "Save the revision" }).click();
  await expect(page.getByRole("status")).toContainText("No passage kept its place, none moved, 1 could not be placed.");

  await page.getByRole("link", { name: "Back to the source" }).first().click();
  await expect(page.locator(".reader-text")).not.toContainText("helicopter");
  const orphans = page.getByRole("region", { name: /Could not be placed/ });
  await expect(orphans.getByRole("article").filter({ hasText: comment })).toContainText(DOOMED);
  await expect(page.locator("mark.highlight")).toHaveCount(0);
  // Still repliable.
  const card = orphans.getByRole("article").filter({ hasText: comment });
  await card.getByLabel("Your reply").fill("Noted for the lessons.");
  await card.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(card.getByRole("list", { name: "Replies" })).toContainText("Noted for the lessons.");
});

test("a file over the limit is refused with the limit, in the form and by the server", async ({ page, baseURL }) => {
  await signInViaDemoButton(page, ORGANIZER);
  const workshopId = await createWorkshop(page, { title: uniqueTitle("Too large e2e") });
  await page.goto(`/workshops/${workshopId}/sources/new`);
  await page.getByRole("radio", { name: "Upload a file" }).check();
  const big = Buffer.alloc(11 * 1024 * 1024, 0x61);
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: big });
  await page.getByLabel("Title").fill("Huge");
  await page.getByRole("button", { name: "Add the source" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "limit" })).toHaveText("The file is 11.0 MB; the limit is 10 MB.");

  // The server refuses it too, whatever the page does.
  const response = await page.request.post(`/api/workshops/${workshopId}/sources`, {
    headers: { origin: new URL(baseURL!).origin },
    multipart: { title: "Huge", file: { name: "huge.txt", mimeType: "text/plain", buffer: big } },
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.message).toMatch(/the limit is 10 MB/);
  await page.goto(`/workshops/${workshopId}`);
  await expect(page.getByText("No sources yet.")).toBeVisible();
});
