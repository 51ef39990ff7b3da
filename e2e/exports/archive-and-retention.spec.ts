import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { readZipDirectory } from "../../lib/sources/import/zip-directory";
import { expectNoAxeViolations } from "../fixtures/axe";
import { signInWithMagicLink } from "../fixtures/magic-link";
import { createWorkshop, uniqueTitle } from "../fixtures/workshops";
import { expectToast } from "../fixtures/toast";

test.use({ locale: "en-US" });
// The bundle renders a PDF and the page is checked by axe twice: more than the default on a busy machine.
test.describe.configure({ timeout: 120_000 });

const ARCHIVE_FILES = [
  "README.md",
  "note/meeting-note.md",
  "note/meeting-note.html",
  "note/meeting-note.docx",
  "note/meeting-note.pdf",
  "lessons/lessons.csv",
  "lessons/lessons.json",
  "annotations/annotations.jsonld",
  "codebook/codebook.json",
  "codebook/codebook.qdc",
];

test("an organizer downloads the archive bundle from the Export page, seeing its parts arrive, and it holds every part", async ({ page }) => {
  await signInWithMagicLink(page);
  const title = uniqueTitle("Archive");
  const workshopId = await createWorkshop(page, { title });

  await page.getByRole("navigation", { name: "Workshop" }).getByRole("link", { name: "Export" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Export" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Every text the progress line shows, as it changes (the parts can arrive faster than a poll).
  await page.getByRole("status").evaluate((status) => {
    const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
    new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, { childList: true, characterData: true, subtree: true });
  });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the archive bundle" }).focus();
  await page.keyboard.press("Enter");
  const file = await download;
  await expect(page.getByRole("status")).toContainText(/The archive bundle is downloaded \(\d+ KB\)/);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.some((text) => /\d+ of 10 parts received \(\d+ KB\)/.test(text)), seen.join(" | ")).toBe(true);

  const folder = file.suggestedFilename().replace(/\.zip$/, "");
  expect(file.suggestedFilename()).toMatch(/-archive\.zip$/);
  const bytes = fs.readFileSync(await file.path());
  expect((readZipDirectory(bytes) ?? []).map((entry) => entry.name)).toEqual(ARCHIVE_FILES.map((name) => `${folder}/${name}`));

  // The same page in French passes axe too.
  await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
  await expect(page.getByRole("button", { name: "Télécharger l’archive complète" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(workshopId).toBeTruthy();
});

test("the retention setting says what will be deleted and when, before and after closing", async ({ page }) => {
  await signInWithMagicLink(page);
  const workshopId = await createWorkshop(page, { title: uniqueTitle("Retention") });
  await page.goto(`/workshops/${workshopId}/settings`);
  const retention = page.getByRole("region", { name: "Keep only what must be kept" });
  await expect(retention).toContainText("Raw contributions are kept as long as the workshop exists.");

  await retention.getByLabel("Delete raw contributions after closing").selectOption({ label: "90 days after closing" });
  await expect(retention).toContainText("They will be deleted 90 days after the workshop is closed.");
  await expect(retention).toContainText("Deleted: every annotation and reply, the note's edit log and its versions other than the signed-off one.");
  await expect(retention).toContainText("Kept: the signed-off note");
  await retention.getByRole("button", { name: "Save retention" }).click();
  await expect(retention).toContainText("Retention saved.");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Close (read-only)" }).click();
  await expectToast(page, "Workshop closed: it is read-only for everyone.");
  const due = new Date(Date.now() + 90 * 24 * 60 * 60 * 1000).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" });
  await page.reload();
  await expect(page.getByRole("region", { name: "Keep only what must be kept" })).toContainText(`They will be deleted on ${due}.`);

  await page.goto(`/workshops/${workshopId}`);
  const kept = page.getByRole("region", { name: "What this workshop keeps" });
  await expect(kept).toContainText(`They will be deleted on ${due}.`);
  await expect(kept).toContainText("This cannot be undone");
  await expectNoAxeViolations(page);
});
