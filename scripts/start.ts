/**
 * `npm start`: builds the app when the build is missing or older than the sources, then runs
 * the production server. A warm start with an up-to-date build skips straight to the server.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCE_ROOTS = ["app", "components", "lib", "i18n", "messages", "prisma/schema.prisma", "next.config.js", "package.json"];
const BUILD_MARKER = path.resolve(".next/BUILD_ID");

function newestModification(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestModification(path.join(target, entry)));
  }
  return newest;
}

function buildIsCurrent(): boolean {
  if (!fs.existsSync(BUILD_MARKER)) return false;
  const built = fs.statSync(BUILD_MARKER).mtimeMs;
  return SOURCE_ROOTS.every((root) => newestModification(path.resolve(root)) <= built);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!buildIsCurrent()) {
  console.log("Building Rapporteur (first start, or sources changed)…");
  run("npm", ["run", "build"]);
}
run("npx", ["tsx", "server.ts"], { ...process.env, NODE_ENV: "production" });
