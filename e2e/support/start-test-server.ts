/**
 * What Playwright's webServer runs: the SMTP capture server (in this process) and the app
 * (`server.ts` in a child process) on a fresh embedded database, in production mode.
 * Expects `npm run build` to have been done.
 *
 *   E2E_PORT                 app port (default 3100)
 *   SMTP_CAPTURE_PORT        SMTP port of the capture server (default 2525)
 *   SMTP_CAPTURE_HTTP_PORT   its HTTP API, read by e2e/fixtures/mail.ts (default 2526)
 *   E2E_DATABASE_SERVER      a PostgreSQL server URL: the app runs on a throwaway database
 *                            created there (and dropped at the end) instead of the embedded one
 *   E2E_SHARED_SMTP_CAPTURE  "1": another test server's capture is already on SMTP_CAPTURE_PORT;
 *                            send mail there instead of starting one
 *
 * The server's output goes to this process's stdout/stderr and to test-results/e2e-server.log
 * (e2e-server-<port>.log, and data in e2e-data-<port>, on another port than the default).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { smtpCapturePortsFromEnv, startSmtpCapture } from "./smtp-capture";
import { createThrowawayDatabase, dropThrowawayDatabase } from "../../test/db-server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// Outside Playwright's outputDir (test-results/playwright), which it empties at every run.
const port = Number(process.env.E2E_PORT || 3100);
const suffix = port === 3100 ? "" : `-${port}`;
const dataDir = path.join(root, `test-results/e2e-data${suffix}`);
const logFile = path.join(root, `test-results/e2e-server${suffix}.log`);
const appUrl = `http://localhost:${port}`;

function say(line: string): void {
  console.log(`[start-test-server] ${line}`);
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.error("[start-test-server] no production build in .next/: run `npm run build` first");
    process.exit(1);
  }

  const capturePorts = smtpCapturePortsFromEnv();
  const capture =
    process.env.E2E_SHARED_SMTP_CAPTURE === "1"
      ? { smtpPort: capturePorts.smtpPort, close: async () => {} }
      : await startSmtpCapture({ ...capturePorts, log: say });
  say(`SMTP capture on 127.0.0.1:${capture.smtpPort}`);

  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const log = fs.createWriteStream(logFile);
  const databaseServer = process.env.E2E_DATABASE_SERVER?.trim() || null;
  const database = databaseServer ? await createThrowawayDatabase(databaseServer) : null;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    DATA_DIR: dataDir,
    // Empty counts as unset: the embedded database, no Redis, whatever the caller's shell has.
    DATABASE_URL: database?.url ?? "",
    REDIS_URL: "",
    RAPPORTEUR_MODE: "demo",
    SEED_DEMO: "true",
    // The demo people act for every spec at once (two workers): one person's budget of 60
    // writes a minute is not theirs to keep here.
    WRITES_PER_MINUTE: "600",
    SMTP_URL: `smtp://127.0.0.1:${capture.smtpPort}`,
    EMAIL_FROM: "Rapporteur <rapporteur@e2e.test>",
  };

  // tsx's CLI directly rather than `npx tsx`: one process less between us and the server, so
  // signals reach it and its exit code comes back.
  const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");
  const where = database ? `PostgreSQL database ${database.name}` : `DATA_DIR=${path.relative(root, dataDir)}`;
  say(`starting server.ts on ${appUrl} (${where}, log ${path.relative(root, logFile)})`);
  const child = spawn(process.execPath, [tsxCli, "server.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    log.write(chunk);
  });

  const dropDatabase = async () => {
    if (databaseServer && database) await dropThrowawayDatabase(databaseServer, database.name).catch(() => {});
  };
  let stopping = false;
  const exited = new Promise<number>((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the server`);
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
    await dropDatabase();
    await capture.close();
    log.end();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGHUP", () => void stop("SIGHUP"));

  const code = await exited;
  if (stopping) return;
  console.error(`[start-test-server] server.ts exited with code ${code}; see ${path.relative(root, logFile)}`);
  await dropDatabase();
  await capture.close();
  log.end();
  process.exit(code === 0 ? 1 : code);
}

main().catch((error: unknown) => {
  console.error("[start-test-server] could not start:", error);
  process.exit(1);
});
