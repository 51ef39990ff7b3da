/**
 * Takes the README's screenshots of the demo roundtable, 1280 px wide, as the demo rapporteur
 * sees it: the workshop's overview (docs/screenshot-demo-workshop.png), a source in the reader
 * with its highlights in their themes' colours and the margin's cards
 * (docs/screenshot-reader.png), the lessons board (docs/screenshot-lessons-board.png), the review
 * page with its consensus chart (docs/screenshot-review.png), and the
 * meeting note with two lessons inserted from the panel, a footnote citing an annotated passage,
 * and a participant's anonymous caret (docs/screenshot-meeting-note.png). The note is written
 * through the UI, into the demo note: use a throwaway data directory.
 *
 *   npm run screenshot
 *
 * It starts nothing: it needs a running app in demo mode at SCREENSHOT_URL (default
 * http://localhost:3000) and says how to start one when none answers. Chromium is Debian's
 * (CHROMIUM_PATH, default its headless shell, see e2e/support/chromium.ts) with the flags from
 * playwright.config.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type LaunchOptions, type Page } from "@playwright/test";
import playwrightConfig from "../playwright.config";
import { CHROMIUM_EXECUTABLE } from "../e2e/support/chromium";
import { DEMO_PEOPLE, DEMO_WORKSHOP } from "../lib/demo/demo-workshop";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const baseUrl = (process.env.SCREENSHOT_URL || "http://localhost:3000").replace(/\/+$/, "");
const outputFile = path.join(root, "docs/screenshot-demo-workshop.png");
const noteFile = path.join(root, "docs/screenshot-meeting-note.png");
const readerFile = path.join(root, "docs/screenshot-reader.png");
const boardFile = path.join(root, "docs/screenshot-lessons-board.png");
const reviewFile = path.join(root, "docs/screenshot-review.png");
const viewport = { width: 1280, height: 900 };

function launchOptions(): LaunchOptions {
  const fromConfig = playwrightConfig.projects?.find((project) => project.name === "chromium")?.use?.launchOptions ?? {};
  return {
    ...fromConfig,
    executablePath: process.env.CHROMIUM_PATH || fromConfig.executablePath || CHROMIUM_EXECUTABLE,
  };
}

async function isServerUp(): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function explainHowToStart(): void {
  console.error(`[screenshot] no app answers at ${baseUrl}/api/health. Start one in demo mode first, for instance:

    npm run build
    DATA_DIR=/tmp/shot-data PORT=3000 NODE_ENV=production node node_modules/tsx/dist/cli.mjs server.ts &

  (or \`npm start\`), then run \`npm run screenshot\` again. Set SCREENSHOT_URL for another address.`);
}

async function main(): Promise<void> {
  if (!(await isServerUp())) {
    explainHowToStart();
    process.exitCode = 1;
    return;
  }

  const rapporteur = DEMO_PEOPLE.find((person) => person.role === "RAPPORTEUR");
  if (!rapporteur) throw new Error("no demo rapporteur in lib/demo/demo-workshop.ts");

  const browser = await chromium.launch(launchOptions());
  try {
    const context = await browser.newContext({ viewport, locale: "en-US", colorScheme: "light" });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);

    await page.goto(`${baseUrl}/sign-in`);
    const demoButton = page.getByRole("button", { name: new RegExp(`^Sign in as ${rapporteur.name}\\b`) });
    if ((await demoButton.count()) === 0) {
      throw new Error(`no "Sign in as ${rapporteur.name}" button on ${baseUrl}/sign-in: is the app in demo mode (RAPPORTEUR_MODE=demo)?`);
    }
    await demoButton.click();
    await page.waitForURL(/\/workshops(?:[/?#]|$)/);

    await page.getByRole("link", { name: DEMO_WORKSHOP.title }).click();
    await page.getByRole("heading", { level: 1, name: DEMO_WORKSHOP.title }).waitFor();
    // Wait for the live count to connect, so the picture does not say "Connecting…".
    await page.getByTestId("live-count").getByText(/here now/).waitFor();
    await page.evaluate(() => document.fonts.ready);

    fs.mkdirSync(path.dirname(outputFile), { recursive: true });
    await page.screenshot({ path: outputFile, fullPage: false });
    saved(outputFile, page);

    const workshopUrl = page.url();
    await shootReader(page, workshopUrl);
    await shootBoard(page, workshopUrl);
    await shootReview(page, workshopUrl);
    await page.goto(workshopUrl);
    await shootMeetingNote(browser, page);
  } finally {
    await browser.close();
  }
}

async function signIn(page: Page, name: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${name}\\b`) }).click();
  await page.waitForURL(/\/workshops(?:[/?#]|$)/);
}

function saved(file: string, page: Page): void {
  console.log(`[screenshot] saved ${path.relative(root, file)} from ${page.url()}`);
}

/** The demo source with the most highlights, scrolled to its first ones, the cards beside them. */
async function shootReader(page: Page, workshopUrl: string): Promise<void> {
  await page.goto(workshopUrl);
  const sourceLinks = page.locator(`main a[href*="/sources/"]:not([href$="/new"])`);
  const hrefs = await sourceLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  let best = { href: hrefs[0]!, marks: -1 };
  for (const href of hrefs) {
    await page.goto(`${baseUrl}${href}`);
    await page.getByRole("complementary", { name: "Annotations" }).getByRole("article").first().waitFor();
    const marks = await page.locator(".reader-text mark.highlight").count();
    if (marks > best.marks) best = { href, marks };
  }
  await page.goto(`${baseUrl}${best.href}`);
  await page.getByTestId("live-count").getByText(/here now/).waitFor();
  await page.getByRole("complementary", { name: "Annotations" }).getByRole("article").first().waitFor();
  // Where the highlights are densest: the mark with the most others within a screen below it.
  await page.locator(".reader-text").evaluate((text) => {
    const tops = [...text.querySelectorAll("mark.highlight")].map((mark) => mark.getBoundingClientRect().top + window.scrollY);
    let bestTop = tops[0] ?? 0;
    let bestCount = 0;
    for (const top of tops) {
      const count = tops.filter((other) => other >= top && other < top + window.innerHeight * 0.8).length;
      if (count > bestCount) [bestTop, bestCount] = [top, count];
    }
    window.scrollTo(0, bestTop - 120);
  });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: readerFile });
  saved(readerFile, page);
}

/** The lessons board: statements, consensus phrases and stance buttons. */
async function shootBoard(page: Page, workshopUrl: string): Promise<void> {
  await page.goto(`${workshopUrl}/lessons`);
  await page.getByTestId("live-count").getByText(/here now/).waitFor();
  await page.getByRole("article").first().waitFor();
  await page.screenshot({ path: boardFile });
  saved(boardFile, page);
}

/** The review page: consensus per theme as a chart, before the lessons listed theme by theme. */
async function shootReview(page: Page, workshopUrl: string): Promise<void> {
  await page.goto(`${workshopUrl}/review`);
  await page.getByTestId("live-count").getByText(/here now/).waitFor();
  await page.locator("main svg").first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: reviewFile });
  saved(reviewFile, page);
}

/**
 * The rapporteur writes the introduction, inserts two lessons from the panel and cites an
 * annotated passage in a footnote, while a participant, somewhere below, adds a line.
 */
async function shootMeetingNote(browser: Browser, page: Page): Promise<void> {
  const participant = DEMO_PEOPLE.find((person) => person.role === "PARTICIPANT");
  if (!participant) throw new Error("no demo participant in lib/demo/demo-workshop.ts");
  await page.getByRole("link", { name: "Meeting note" }).click();
  const note = page.getByRole("textbox", { name: "Meeting note" });
  await note.waitFor();
  const isSaved = page.getByRole("status").filter({ hasText: /^Saved$/ });
  await isSaved.waitFor();
  if ((await note.locator(".note-lesson-ref").count()) === 0) {
    await note.locator("h2 + p").first().click();
    await page.keyboard.type("The roundtable looked back on ten years of the mission. Its emerging lessons follow, by theme.");
    const panel = page.getByRole("complementary", { name: "Lessons" });
    const insertButtons = panel.getByRole("button", { name: /^Insert: / });
    for (let lesson = 0; lesson < 2; lesson += 1) {
      // Two different lessons: an inserted one keeps its Insert button (it may go in twice).
      await insertButtons.nth(lesson).click();
      await page.locator(".note-lesson-ref").nth(lesson).waitFor();
    }
    // A footnote at the end of the first lesson's paragraph, citing an annotated passage.
    await note.locator("p:has(.note-lesson-ref)").first().evaluate((paragraph) => {
      (paragraph.closest("[contenteditable]") as HTMLElement).focus();
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      range.collapse(false);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Footnote" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a footnote" });
    await dialog.getByRole("radio", { name: "A passage someone annotated" }).check();
    await dialog.getByRole("group", { name: "Annotated passage" }).getByRole("radio").first().check();
    await dialog.getByRole("button", { name: "Insert the footnote" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.locator(".note-footnote-list li").first().waitFor();
  }
  const other = await (await browser.newContext({ viewport, locale: "en-US" })).newPage();
  await signIn(other, participant.name);
  await other.goto(page.url());
  await other.getByRole("textbox", { name: "Meeting note" }).locator("h2 + p:not(:has(.note-lesson-ref))").last().click();
  await other.keyboard.type("A few participants");
  await page.locator(".note-caret").first().waitFor();
  await isSaved.waitFor();
  await page.mouse.move(0, 0);
  await page.locator(".note-layout").screenshot({ path: noteFile });
  saved(noteFile, page);
}

main().catch((error: unknown) => {
  console.error("[screenshot] failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
