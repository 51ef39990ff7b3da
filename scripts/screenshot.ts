/**
 * Takes the README's screenshots, 1280×900: the demo workshop's overview as the demo rapporteur
 * sees it (docs/screenshot-demo-workshop.png), and the live meeting note being written by the
 * rapporteur while a participant's caret is in it (docs/screenshot-meeting-note.png). The
 * second one writes into the demo note: use a throwaway data directory.
 *
 *   npm run screenshot
 *
 * It starts nothing: it needs a running app in demo mode at SCREENSHOT_URL (default
 * http://localhost:3000) and says how to start one when none answers. Chromium is Debian's
 * (CHROMIUM_PATH, default /usr/bin/chromium) with the flags from playwright.config.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type LaunchOptions, type Page } from "@playwright/test";
import playwrightConfig from "../playwright.config";
import { DEMO_PEOPLE, DEMO_WORKSHOP } from "../lib/demo/demo-workshop";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const baseUrl = (process.env.SCREENSHOT_URL || "http://localhost:3000").replace(/\/+$/, "");
const outputFile = path.join(root, "docs/screenshot-demo-workshop.png");
const noteFile = path.join(root, "docs/screenshot-meeting-note.png");
const viewport = { width: 1280, height: 900 };

function launchOptions(): LaunchOptions {
  const fromConfig = playwrightConfig.projects?.find((project) => project.name === "chromium")?.use?.launchOptions ?? {};
  return {
    ...fromConfig,
    executablePath: process.env.CHROMIUM_PATH || fromConfig.executablePath || "/usr/bin/chromium",
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
    console.log(`[screenshot] saved ${path.relative(root, outputFile)} (${viewport.width}×${viewport.height}) from ${page.url()}`);

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

/** The rapporteur drafts sections while a participant, somewhere below, adds a line. */
async function shootMeetingNote(browser: Browser, page: Page): Promise<void> {
  const participant = DEMO_PEOPLE.find((person) => person.role === "PARTICIPANT");
  if (!participant) throw new Error("no demo participant in lib/demo/demo-workshop.ts");
  await page.getByRole("link", { name: "Meeting note" }).click();
  const note = page.getByRole("textbox", { name: "Meeting note" });
  await note.waitFor();
  const saved = page.getByRole("status").filter({ hasText: "All changes saved" });
  await saved.waitFor();
  if ((await note.innerText()).trim() === "") {
    await note.click();
    await page.keyboard.type("Emerging lessons, by theme. Participants generally agreed that the mission's mandate outgrew its means.");
    await page.getByRole("button", { name: "Add a section per theme" }).click();
    await note.locator("h2 + p").nth(1).click();
    await page.keyboard.type("One participant noted that consent eroded well before the request to withdraw.");
  }
  const other = await (await browser.newContext({ viewport, locale: "en-US" })).newPage();
  await signIn(other, participant.name);
  await other.goto(page.url());
  await other.getByRole("textbox", { name: "Meeting note" }).locator("h2 + p").nth(2).click();
  await other.keyboard.type("A few participants");
  await page.locator(".note-caret").first().waitFor();
  await saved.waitFor();
  await page.screenshot({ path: noteFile, fullPage: false });
  console.log(`[screenshot] saved ${path.relative(root, noteFile)} (${viewport.width}×${viewport.height}) from ${page.url()}`);
}

main().catch((error: unknown) => {
  console.error("[screenshot] failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
