import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;


export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Not test-results/ itself: Playwright empties its outputDir at every run, and the test
  // server keeps its database in test-results/e2e-data.
  outputDir: "test-results/playwright",
  // Two cores: one app server shared by both workers; every test seeds its own data.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: {
    command: "npx tsx e2e/support/start-test-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    // SIGTERM lets the server close its embedded database cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
