/** The built app on a port of its own, for benches that measure it from outside (Chromium, HTTP). */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `node tsx server.ts` in production mode on `dataDir`; `env` overrides what it is given (say,
 * DATABASE_URL to serve a PostgreSQL database instead of the data directory's PGlite);
 * with `nodeFlags` (NODE_OPTIONS refuses some, such as --cpu-prof) node serves in one process with
 * tsx as a loader, rather than under tsx's wrapper, which SIGKILLs its child when the child does
 * not confirm a relayed SIGTERM in 30 ms (and a profile is written only on a clean exit).
 */
export async function startServer(dataDir: string, port: number, env: Record<string, string> = {}, nodeFlags: string[] = []): Promise<{ child: ChildProcess; appUrl: string }> {
  const appUrl = `http://localhost:${port}`;
  const child = spawn(process.execPath, nodeFlags.length ? [...nodeFlags, "--import", "tsx", "server.ts"] : ["node_modules/tsx/dist/cli.mjs", "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      PORT: String(port),
      APP_URL: appUrl,
      NEXTAUTH_URL: appUrl,
      RAPPORTEUR_MODE: "demo",
      SEED_DEMO: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${appUrl}/api/health`).then((response) => response.ok, () => false);
    if (ok) return { child, appUrl };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`the server did not answer /api/health within 2 minutes:\n${output}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

