/**
 * The built server's resident memory (issue 14: idle RSS ≤ 300 MB on PostgreSQL), on a PGlite
 * data directory and, when BENCH_DATABASE_URL names a server, on PostgreSQL in a throwaway
 * database: VmRSS of the serving node process (startServer runs `node tsx/cli.mjs`, a wrapper
 * whose child serves; bench/support/process-stats.ts finds it)
 * - idle, once /api/health has answered after start;
 * - after one request to each page (Next loads a route's modules on its first request);
 * - before and while BENCH_MEMORY_SOCKETS (500) signed-in members hold socket.io connections that
 *   have joined the workshop (from the load generator's own process): (after − before) ÷ sockets.
 * Expects `npm run build`; without a build it says so and measures nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startServer, stopServer } from "./support/app-server";
import { appDatabases, seedApp, type AppDatabase } from "./support/app-data";
import { inLoadProcess } from "./support/load-process";
import { commandLine, rssMb, servingPid } from "./support/process-stats";
import type { JoinResult } from "./support/scale-load";
import type { Bench, BenchRow } from "./run";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOCKETS = Number(process.env.BENCH_MEMORY_SOCKETS ?? 500);

async function measureDatabase(database: AppDatabase): Promise<{ row: BenchRow; served: string }> {
  const seeded = await seedApp(database, SOCKETS);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    server = await startServer(seeded.dataDir, await freePort(), seeded.serverEnv);
    const wrapper = server.child.pid!;
    const pid = servingPid(wrapper);
    const idle = rssMb(pid);
    const { workshopId, sourceId, cookie } = seeded;
    for (const route of [`/workshops/${workshopId}`, `/workshops/${workshopId}/sources/${sourceId}`, `/api/workshops/${workshopId}`, "/api/health"]) {
      const response = await fetch(`${server.appUrl}${route}`, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${route} answered ${response.status}: the session cookie is not accepted`);
    }
    const afterPages = rssMb(pid);
    const before = rssMb(pid);
    let held = NaN;
    const url = server.appUrl.replace("localhost", "127.0.0.1");
    const joined = await inLoadProcess<JoinResult>(
      { kind: "join", url, origin: server.appUrl, workshopId, cookies: seeded.memberCookies, awaitPresence: true, hold: true },
      () => void (held = rssMb(pid)),
    );
    return {
      served: `${pid === wrapper ? "the spawned process itself" : `child ${pid} of tsx wrapper ${wrapper} (wrapper RSS ${rssMb(wrapper).toFixed(0)} MB)`}: ${commandLine(pid).slice(0, 120)}`,
      row: {
        database: database === "pglite" ? "PGlite (data directory)" : "PostgreSQL",
        "idle after start MB": idle.toFixed(0),
        "after one request to each page MB": afterPages.toFixed(0),
        [`with ${joined.sockets} sockets joined MB`]: held.toFixed(0),
        "KB per socket": (((held - before) * 1024) / joined.sockets).toFixed(1),
        "all joined ms": joined.allJoinedMs,
      },
    };
  } finally {
    if (server) await stopServer(server.child);
    await seeded.dispose();
  }
}

const bench: Bench = async () => {
  const title = `Resident memory of the built server: idle, after the pages, with ${SOCKETS} sockets joined`;
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    return { title, rows: [], notes: ["skipped: no production build in .next/ — run `npm run build`, then `npm run bench -- memory`"] };
  }
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  for (const database of appDatabases()) {
    const { row, served } = await measureDatabase(database);
    rows.push(row);
    notes.push(`${row.database}: measured ${served}`);
  }
  return {
    title,
    rows,
    notes: [
      ...notes,
      "RSS = VmRSS of /proc/<pid>/status; PGlite runs inside the server process (its WebAssembly heap counts), PostgreSQL's own processes are not counted",
      "per socket = (RSS with the sockets joined − RSS just before they connected) ÷ sockets; one reading each, so the garbage collector's timing moves it",
      "target (issue 14): idle RSS ≤ 300 MB on PostgreSQL",
      ...(process.env.BENCH_DATABASE_URL?.trim() ? [] : ["PostgreSQL not measured: set BENCH_DATABASE_URL"]),
    ],
  };
};

export default bench;
