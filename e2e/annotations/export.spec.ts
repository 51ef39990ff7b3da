import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { openDemoWorkshop } from "../fixtures/workshops";
import { signInWithMagicLink, uniqueEmail } from "../fixtures/magic-link";
import { normalizeSourceText } from "../../lib/sources/normalize-text";
import { parseMarkup } from "../../lib/sources/markup";

const IPI_TITLE = "Emerging Lessons from MINUSMA's Experience in Mali";
const IPI_SLUG = "emerging-lessons-from-minusmas-experience-in-mali";
const PASSAGE = "Participants generally agreed that MINUSMA played an essential role";
/** The note's text as the demo seed stores it: what annotations anchor into. */
const IPI_TEXT = parseMarkup(
  normalizeSourceText(fs.readFileSync(path.resolve("prisma/seed/corpus/ipi-emerging-lessons-from-minusma-2024.md"), "utf8")),
  "MARKDOWN",
).text;

/** Opens the IPI note in the demo workshop; returns the workshop and source ids. */
async function openIpi(page: Page): Promise<{ workshopId: string; sourceId: string }> {
  const workshopId = await openDemoWorkshop(page);
  await page.getByRole("link", { name: IPI_TITLE, exact: true }).click();
  await expect(page).toHaveURL(/\/sources\/[^/?#]+$/);
  await expect(page.getByRole("heading", { level: 1, name: IPI_TITLE, exact: true })).toBeVisible();
  const sourceId = /\/sources\/([^/?#]+)/.exec(page.url())![1]!;
  return { workshopId, sourceId };
}

/** Clicks a link to `href` as a person would and returns the file the browser saved. */
async function download(page: Page, href: string): Promise<{ filename: string; text: string }> {
  const downloading = page.waitForEvent("download");
  await page.evaluate((url) => {
    const link = document.createElement("a");
    link.href = url;
    document.body.append(link);
    link.click();
  }, href);
  const file = await downloading;
  return { filename: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, "utf8") };
}

test("a member downloads a source's annotations as JSON-LD and CSV, with replies and without authors", async ({ browser, baseURL }) => {
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext({ acceptDownloads: true })]);
  const [amina, bruno, chen] = await Promise.all(contexts.map((context) => context.newPage()));
  try {
    await signInAsDemo(amina!, "Amina Participant");
    await signInAsDemo(bruno!, "Bruno Participant");
    await signInAsDemo(chen!, "Chen Participant");
    const { workshopId, sourceId } = await openIpi(chen!);
    const start = IPI_TEXT.indexOf(PASSAGE);
    expect(start).toBeGreaterThan(0);
    const comment = `Consensus, "essential" — été ${Date.now()}`;
    const created = await amina!.request.post(`/api/workshops/${workshopId}/sources/${sourceId}/annotations`, {
      data: { start, end: start + PASSAGE.length, comment },
      headers: { origin: baseURL! },
    });
    expect(created.status(), await created.text()).toBe(201);
    const annotationId = ((await created.json()) as { annotation: { id: string } }).annotation.id;
    const reply = `Agreed, with caveats ${Date.now()}`;
    const replied = await bruno!.request.post(`/api/workshops/${workshopId}/annotations/${annotationId}/replies`, {
      data: { body: reply },
      headers: { origin: baseURL! },
    });
    expect(replied.status()).toBe(201);

    try {
      const base = `/api/workshops/${workshopId}/sources/${sourceId}/annotations/export`;
      const jsonld = await download(chen!, `${base}?format=jsonld`);
      expect(jsonld.filename).toBe(`${IPI_SLUG}-annotations.jsonld`);
      const collection = JSON.parse(jsonld.text) as { type: string; first: { items: Record<string, unknown>[] } };
      expect(collection.type).toBe("AnnotationCollection");
      const annotationIri = `${baseURL}/workshops/${workshopId}/sources/${sourceId}#annotation-${annotationId}`;
      const item = collection.first.items.find((candidate) => candidate.id === annotationIri);
      expect(item).toMatchObject({
        type: "Annotation",
        motivation: "commenting",
        created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/),
        body: [{ type: "TextualBody", value: comment, purpose: "commenting" }],
        target: { selector: [{ type: "TextQuoteSelector", exact: PASSAGE }, { type: "TextPositionSelector" }] },
      });
      expect(collection.first.items).toContainEqual(
        expect.objectContaining({ motivation: "replying", target: annotationIri, body: expect.objectContaining({ value: reply }) }),
      );

      const csv = await download(chen!, `${base}?format=csv`);
      expect(csv.filename).toBe(`${IPI_SLUG}-annotations.csv`);
      expect(csv.text.startsWith('\uFEFF"Theme","Quote","Comment","Replies","Position in the text"\r\n')).toBe(true);
      expect(csv.text).toContain(`"No theme","${PASSAGE}","${comment.replace(/"/g, '""')}","${reply}",`);

      for (const file of [jsonld, csv]) {
        for (const identity of ["Amina", "amina@demo.rapporteur.test", "Bruno", "bruno@demo.rapporteur.test", "creator"]) {
          expect(file.text).not.toContain(identity);
        }
      }
    } finally {
      const deleted = await amina!.request.delete(`/api/workshops/${workshopId}/annotations/${annotationId}`, { headers: { origin: baseURL! } });
      expect(deleted.status()).toBe(204);
    }
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test("an unknown format is a 400 that says what to use; a non-member gets 404", async ({ page, browser }) => {
  await signInAsDemo(page, "Dalia Participant");
  const { workshopId, sourceId } = await openIpi(page);
  const url = `/api/workshops/${workshopId}/sources/${sourceId}/annotations/export`;
  const bad = await page.request.get(`${url}?format=xml`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("format=jsonld or format=csv");
  expect((await page.request.get(url)).status()).toBe(400);

  const outsiderContext = await browser.newContext();
  try {
    const outsider = await outsiderContext.newPage();
    await signInWithMagicLink(outsider, uniqueEmail("export-outsider"));
    for (const format of ["csv", "jsonld"]) {
      expect((await outsider.request.get(`${url}?format=${format}`)).status()).toBe(404);
    }
  } finally {
    await outsiderContext.close();
  }
});
