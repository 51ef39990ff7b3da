import fs from "node:fs";

/**
 * Debian's chromium and the flags it needs here: browsers cannot be downloaded on these
 * machines (`npx playwright install` fails), and without the background-networking flags it
 * tries to reach Google's hosts. Shared by Playwright, the screenshot script and the benchmarks.
 *
 * Debian's `chromium-headless-shell` when it is installed: the old headless shell that
 * Playwright itself runs headless tests in. The full browser in headless mode did the same tests
 * with twice the CPU (e2e/lessons: 188 s of chromium CPU against 105 s), on two cores shared with
 * the app server.
 */
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH || (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumLaunchOptions() {
  return { executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] };
}
