import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;
/**
 * `npm test` runs the suite against PostgreSQL (E2E_DATABASE_SERVER, a throwaway database made
 * by the test server): the embedded database answers one query at a time inside the app's own
 * process, which on two cores made pages wait seconds behind the other worker's archive or search.
 * The default configuration keeps its own server on the embedded database for the specs below.
 */
const embeddedPort = port + 1;
const embeddedURL = `http://localhost:${embeddedPort}`;
const EMBEDDED_DATABASE_SPECS = ["health/health.spec.ts", "auth/demo-sign-in.spec.ts", "note/versions.spec.ts"];


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
  // One server for both workers: while one test has it make an archive bundle (PDFs laid out in
  // the server process) or build a search index, the other's page can wait seconds for an answer.
  expect: { timeout: 20_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    // A trace records every action of every test to keep the failing ones: a third of the run's
    // CPU (e2e/lessons: browser 101 s with traces, 65 s without). Failures still leave their page
    // snapshot (error-context.md) and a screenshot; PW_TRACE=retain-on-failure brings traces back.
    trace: (process.env.PW_TRACE as "off" | "on" | "retain-on-failure" | undefined) ?? "off",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: EMBEDDED_DATABASE_SPECS,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions(),
      },
    },
    {
      name: "embedded-database",
      testMatch: EMBEDDED_DATABASE_SPECS,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions(),
        baseURL: embeddedURL,
      },
    },
  ],
  webServer: [
    testServer(baseURL),
    // Same SMTP capture as the first server (the mail fixture reads that one).
    testServer(embeddedURL, { E2E_PORT: String(embeddedPort), E2E_DATABASE_SERVER: "", E2E_SHARED_SMTP_CAPTURE: "1" }),
  ],
});

/** One app server for the tests (e2e/support/start-test-server.ts), answering at `url`. */
function testServer(url: string, env?: Record<string, string>) {
  return {
    command: "npx tsx e2e/support/start-test-server.ts",
    url: `${url}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    // SIGTERM lets the server close its database cleanly.
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
    env,
  };
}
