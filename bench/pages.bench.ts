/**
 * HTTP throughput of the built app (issue 14): autocannon, 20 connections, BENCH_PAGES_SECONDS
 * (10) per route, against `server.ts` in production mode in a process of its own, signed in as
 * Amina, a participant of the demo workshop (MINUSMA, with its sources):
 * - `/api/health` (the floor: one `SELECT 1`), `GET /api/workshops/:id` (JSON),
 * - the workshop page `/workshops/:id` and the reader page `/workshops/:id/sources/:sourceId`,
 * - a static asset from `.next/static` (what Next serves without rendering anything),
 * on a PGlite data directory and, when BENCH_DATABASE_URL names a server, on PostgreSQL in a
 * throwaway database. Every answer must be a 200: a 3xx would mean the session cookie is not
 * accepted (a redirect to sign-in), and the bench throws rather than report its speed.
 * Expects `npm run build`; without a build it says so and measures nothing.
 * BENCH_PAGES_CPU_PROFILE=<dir> writes the server's CPU profile there (node --cpu-prof) and
 * summarizes it in the notes; BENCH_PAGES_ROUTES (health,api,workshop,reader,static) picks routes,
 * e.g. one page alone for its profile.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort, startServer, stopServer } from "./support/app-server";
import { appDatabases, seedApp, type AppDatabase } from "./support/app-data";
import { percentile } from "./support/databases";
import { cpuMs, servingPid } from "./support/process-stats";
import { summarizeCpuProfile } from "./support/cpu-profile";
import type { Bench, BenchRow } from "./run";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_PAGES_SECONDS ?? 10);
const CONNECTIONS = 20;
/** Requests before each measurement: Next loads a route's modules on its first request. */
const WARM_UP_REQUESTS = 40;

interface Route {
  key: string;
  name: string;
  path: string;
  json: boolean;
}

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p975: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  cpuPercent: number;
  /** When autocannon ran, in µs of the monotonic clock (for the server's CPU profile). */
  window: { fromUs: number; toUs: number };
}

/** One static chunk Next serves from `.next/static` (the first by name: any would do). */
function staticAsset(): string {
  const dir = path.join(ROOT, ".next/static/chunks");
  const file = fs.readdirSync(dir).filter((name) => name.endsWith(".js")).sort()[0];
  if (!file) throw new Error(`no .js file in ${dir}`);
  return `/_next/static/chunks/${file}`;
}

/** Fails loudly unless the route answers 200 to this cookie (a redirect means it is not signed in). */
async function expectOk(appUrl: string, route: Route, cookie: string): Promise<number> {
  const response = await fetch(`${appUrl}${route.path}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  if (response.status !== 200) {
    const where = response.headers.get("location");
    throw new Error(`${route.name} answered ${response.status}${where ? ` (to ${where}: the session cookie is not accepted)` : ""}`);
  }
  return body.byteLength;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function cannon(options: autocannon.Options, onResponse?: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on("response", (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

async function measure(appUrl: string, route: Route, cookie: string, serverPid: number): Promise<Measured> {
  const options = { url: `${appUrl}${route.path}`, connections: CONNECTIONS, headers: { cookie } };
  await cannon({ ...options, amount: WARM_UP_REQUESTS });
  // Every response time, for a true p95 (autocannon's histogram stops at p90 and p97.5).
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const cpuBefore = cpuMs(serverPid);
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const started = performance.now();
  const result = await cannon({ ...options, duration: SECONDS }, (status, ms) => {
    times.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const cpuPercent = ((cpuMs(serverPid) - cpuBefore) / (performance.now() - started)) * 100;
  const window = { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) };
  // A 3xx is a redirect to sign-in (the cookie is not accepted): any speed measured then is not the page's.
  if (result.non2xx > 0) {
    const codes = [...statuses].map(([status, count]) => `${count} × ${status}`).join(", ");
    throw new Error(`${route.name}: ${result.non2xx} non-2xx answers (${codes}): a 3xx means the session cookie is not accepted`);
  }
  return {
    requestsPerSecond: result.requests.average,
    p50: round(percentile(times, 0.5)),
    p95: round(percentile(times, 0.95)),
    p975: round(result.latency.p97_5),
    p99: round(percentile(times, 0.99)),
    requests: times.length,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuPercent,
    window,
  };
}

/**
 * The serving process's profile (node names it CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile),
 * summarized for each route over the seconds autocannon ran against it.
 */
function profileNotes(dir: string, pid: number, label: string, measured: Map<string, Measured>): string[] {
  const file = fs.readdirSync(dir).find((name) => name.includes(`.${pid}.0.`) && name.endsWith(".cpuprofile"));
  if (!file) return [`${label}: no CPU profile of process ${pid} in ${dir}`];
  return [
    `${label}: CPU profile of the server, ${path.join(dir, file)}`,
    ...[...measured].flatMap(([route, result]) => [`  ${route}:`, ...summarizeCpuProfile(path.join(dir, file), result.window).map((line) => `    ${line}`)]),
  ];
}

async function measureDatabase(database: AppDatabase): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const seeded = await seedApp(database);
  const profileDir = process.env.BENCH_PAGES_CPU_PROFILE?.trim();
  const profiling = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    server = await startServer(seeded.dataDir, await freePort(), seeded.serverEnv, profiling);
    const pid = servingPid(server.child.pid!);
    const { workshopId, sourceId, cookie } = seeded;
    const chosen = (process.env.BENCH_PAGES_ROUTES ?? "health,api,workshop,reader,static").split(",");
    const routes: Route[] = [
      { key: "health", name: "GET /api/health", path: "/api/health", json: true },
      { key: "api", name: "GET /api/workshops/:id", path: `/api/workshops/${workshopId}`, json: true },
      { key: "workshop", name: "workshop page /workshops/:id", path: `/workshops/${workshopId}`, json: false },
      { key: "reader", name: "reader page /workshops/:id/sources/:sourceId", path: `/workshops/${workshopId}/sources/${sourceId}`, json: false },
      { key: "static", name: "static asset /_next/static/chunks/…", path: staticAsset(), json: false },
    ].filter((route) => chosen.includes(route.key));
    const sizes = new Map<string, number>();
    for (const route of routes) sizes.set(route.name, await expectOk(server.appUrl, route, cookie));
    const label = database === "pglite" ? "PGlite (data directory)" : "PostgreSQL";
    const measured = new Map<string, Measured>();
    for (const route of routes) {
      const result = await measure(server.appUrl, route, cookie, pid);
      measured.set(route.name, result);
      console.error(`pages: ${label}, ${route.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms`);
    }
    const health = measured.get("GET /api/health");
    const rows = routes.map((route): BenchRow => {
      const result = measured.get(route.name)!;
      return {
        database: label,
        route: route.name,
        "KB/answer": (sizes.get(route.name)! / 1024).toFixed(1),
        requests: result.requests,
        "req/s": Math.round(result.requestsPerSecond),
        "p50 ms": result.p50,
        "p95 ms": result.p95,
        "p97.5 ms": result.p975,
        "p99 ms": result.p99,
        "non-2xx": result.non2xx,
        "errors (timeouts)": `${result.errors} (${result.timeouts})`,
        "÷ /api/health (req/s, p95)":
          health && route.json && route.key !== "health" ? `${(health.requestsPerSecond / result.requestsPerSecond).toFixed(1)}× / ${(result.p95 / Math.max(1, health.p95)).toFixed(1)}×` : "",
        "server CPU %": Math.round(result.cpuPercent),
        "CPU ms/request": ((result.cpuPercent / 100) * 1000 / Math.max(1, result.requestsPerSecond)).toFixed(2),
      };
    });
    await stopServer(server.child);
    return { rows, notes: profileDir ? profileNotes(profileDir, pid, label, measured) : [] };
  } finally {
    if (server) await stopServer(server.child);
    await seeded.dispose();
  }
}

const bench: Bench = async () => {
  const title = `Pages and JSON routes of the built app, autocannon ${CONNECTIONS} connections × ${SECONDS} s`;
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    return { title, rows: [], notes: ["skipped: no production build in .next/ — run `npm run build`, then `npm run bench -- pages`"] };
  }
  const rows: BenchRow[] = [];
  const profiles: string[] = [];
  for (const database of appDatabases()) {
    const measured = await measureDatabase(database);
    rows.push(...measured.rows);
    profiles.push(...measured.notes);
  }
  return {
    title,
    rows,
    notes: [
      "errors: connection errors and requests unanswered after autocannon's 10 s timeout (not in the percentiles)",
      "p50, p95 and p99 from every response time autocannon reported (its 'response' event); p97.5 from autocannon's own histogram (it has no p95)",
      "÷ /api/health: how many times fewer requests/s than /api/health, and how many times its p95",
      "server CPU = the serving node process (/proc), in % of one core while autocannon ran; autocannon runs in this process, beside it on the same machine",
      "targets (issue 14): workshop and reader pages ≥ 400 req/s with p95 ≤ 100 ms; JSON routes within 3× of /api/health",
      ...(process.env.BENCH_DATABASE_URL?.trim() ? [] : ["PostgreSQL not measured: set BENCH_DATABASE_URL"]),
      ...profiles,
    ],
  };
};

export default bench;
