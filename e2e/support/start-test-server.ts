/**
 * What Playwright's webServer runs: the SMTP capture server (in this process) and the app
 * (`server.ts` in a child process) on a fresh embedded database, in production mode.
 * Expects `npm run build` to have been done.
 *
 *   E2E_PORT                 app port (default 3100)
 *   SMTP_CAPTURE_PORT        SMTP port of the capture server (default 2525)
 *   SMTP_CAPTURE_HTTP_PORT   its HTTP API, read by e2e/fixtures/mail.ts (default 2526)
 *
 * The server's output goes to this process's stdout/stderr and to test-results/e2e-server.log.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { smtpCapturePortsFromEnv, startSmtpCapture } from "./smtp-capture";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// Outside Playwright's outputDir (test-results/playwright), which it empties at every run.
const dataDir = path.join(root, "test-results/e2e-data");
const logFile = path.join(root, "test-results/e2e-server.log");
const port = Number(process.env.E2E_PORT || 3100);
const appUrl = `http://localhost:${port}`;

function say(line: string): void {
  console.log(`[start-test-server] ${line}`);
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.error("[start-test-server] no production build in .next/: run `npm run build` first");
    process.exit(1);
  }

  const capture = await startSmtpCapture({ ...smtpCapturePortsFromEnv(), log: say });
  say(`SMTP capture on 127.0.0.1:${capture.smtpPort}, API http://127.0.0.1:${capture.httpPort}/messages`);

  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const log = fs.createWriteStream(logFile);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    DATA_DIR: dataDir,
    // Empty counts as unset: the embedded database, no Redis, whatever the caller's shell has.
    DATABASE_URL: "",
    REDIS_URL: "",
    RAPPORTEUR_MODE: "demo",
    SEED_DEMO: "true",
    SMTP_URL: `smtp://127.0.0.1:${capture.smtpPort}`,
    EMAIL_FROM: "Rapporteur <rapporteur@e2e.test>",
  };

  // tsx's CLI directly rather than `npx tsx`: one process less between us and the server, so
  // signals reach it and its exit code comes back.
  const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");
  say(`starting server.ts on ${appUrl} (DATA_DIR=${path.relative(root, dataDir)}, log ${path.relative(root, logFile)})`);
  const child = spawn(process.execPath, [tsxCli, "server.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    log.write(chunk);
  });

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
  await capture.close();
  log.end();
  process.exit(code === 0 ? 1 : code);
}

main().catch((error: unknown) => {
  console.error("[start-test-server] could not start:", error);
  process.exit(1);
});
