/**
 * Takes the README's screenshot: the demo workshop's overview as the demo rapporteur sees it,
 * 1280×900, saved to docs/screenshot-demo-workshop.png.
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
import { chromium, type LaunchOptions } from "@playwright/test";
import playwrightConfig from "../playwright.config";
import { DEMO_PEOPLE, DEMO_WORKSHOP } from "../lib/demo/demo-workshop";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const baseUrl = (process.env.SCREENSHOT_URL || "http://localhost:3000").replace(/\/+$/, "");
const outputFile = path.join(root, "docs/screenshot-demo-workshop.png");
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
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error("[screenshot] failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
