import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { createWorkshop } from "../fixtures/workshops";

/** Classic payloads: each must show up as the literal text typed, and never run. */
const PAYLOADS = [
  `<script>window.__xss = 1</script>`,
  `<img src=x onerror="window.__xss = 2">`,
  `"><svg onload="window.__xss = 3">`,
  `<a href="javascript:window.__xss = 4">click</a>`,
  `<iframe srcdoc="<script>parent.__xss = 5</script>"></iframe>`,
  `{{constructor.constructor('window.__xss = 6')()}}`,
];

test("titles, comments and pasted sources show script payloads as text and never run them", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await signInAsDemo(page, "Olivia Organizer");
  const title = `XSS ${PAYLOADS[1]}`;
  const workshopId = await createWorkshop(page, { title });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // A pasted Markdown source made of payloads, then an annotation whose comment is one.
  const text = PAYLOADS.map((payload, index) => `Paragraph ${index}: ${payload}`).join("\n\n");
  const created = await page.request.post(`/api/workshops/${workshopId}/sources`, {
    multipart: { text, format: "MARKDOWN", title: PAYLOADS[0]! },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { source } = (await created.json()) as { source: { id: string } };
  await page.goto(`/workshops/${workshopId}/sources/${source.id}`);
  await expect(page.getByTestId("live-count")).toContainText(/here now/);
  for (const payload of PAYLOADS) await expect(page.getByText(payload, { exact: false }).first()).toBeVisible();

  await page.getByRole("textbox", { name: "Find a passage to annotate" }).fill("Paragraph 2");
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await page.getByLabel("Comment (optional)").fill(PAYLOADS[2]!);
  await page.getByRole("button", { name: "Annotate" }).click();
  await expect(page.getByRole("article").filter({ hasText: PAYLOADS[2]! })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("article").filter({ hasText: PAYLOADS[2]! })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  // The app's own icons are lucide SVGs; anything else of these would have come from a payload.
  expect(await page.locator("main script, main img, main svg:not(.lucide), main iframe").count()).toBe(0);
  expect(dialogs).toBe(0);
});
