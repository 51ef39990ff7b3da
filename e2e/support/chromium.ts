/**
 * Debian's chromium and the flags it needs here: browsers cannot be downloaded on these
 * machines (`npx playwright install` fails), and without the background-networking flags it
 * tries to reach Google's hosts. Shared by Playwright, the screenshot script and the benchmarks.
 */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

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
