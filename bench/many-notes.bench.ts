/**
 * Many notes on one node (issue 14): BENCH_MANY_NOTES_WORKSHOPS (100) workshops with
 * BENCH_MANY_NOTES_EDITORS (10) editors each, every editor typing 5 keys a second into its own
 * workshop's note for BENCH_MANY_NOTES_SECONDS (10), through the real socket server, rooms and
 * storage (bench/support/rapporteur-target.ts, in this process) on in-memory PGlite and, when
 * BENCH_DATABASE_URL names a server, on PostgreSQL; the editors come from the load generator's
 * own process (bench/support/scale-load.ts), one watcher per workshop. Target: fan-out p99 ≤ 100 ms.
 */
import { inLoadProcess } from "./support/load-process";
import { pgliteTarget, postgresTarget, type Target } from "./support/rapporteur-target";
import type { LoadResult } from "./support/scale-load";
import type { Bench, BenchRow } from "./run";

const KEYS_PER_SECOND = 5;
const WORKSHOPS = Number(process.env.BENCH_MANY_NOTES_WORKSHOPS ?? 100);
const EDITORS = Number(process.env.BENCH_MANY_NOTES_EDITORS ?? 10);
const SECONDS = Number(process.env.BENCH_MANY_NOTES_SECONDS ?? 10);

async function measure(target: Target): Promise<BenchRow> {
  const server = await target.start();
  try {
    const { documents, cookies } = await server.prepare(EDITORS, WORKSHOPS);
    const result = await inLoadProcess<LoadResult>({
      protocol: target.protocol,
      url: server.url,
      origin: server.origin,
      documents,
      cookies,
      editors: EDITORS,
      seconds: SECONDS,
      keysPerSecond: KEYS_PER_SECOND,
    });
    const planned = WORKSHOPS * EDITORS * KEYS_PER_SECOND * SECONDS;
    console.error(`many-notes: ${target.name}: ${result.sent} updates, fan-out p50 ${result.fanOutP50} ms, p99 ${result.fanOutP99} ms, CPU ${result.cpuPercent.toFixed(0)}%`);
    return {
      server: target.name,
      "workshops × editors": `${WORKSHOPS} × ${EDITORS}`,
      "connect s": (result.connectMs / 1000).toFixed(1),
      "updates sent": result.sent,
      "keys planned": planned,
      "ack p50 ms": result.ackP50,
      "ack p99 ms": result.ackP99,
      "fan-out p50 ms": result.fanOutP50,
      "fan-out p99 ms": result.fanOutP99,
      "server CPU %": Math.round(result.cpuPercent),
      "CPU ms/update": (((result.cpuPercent / 100) * SECONDS * 1000) / Math.max(1, result.sent)).toFixed(2),
      "frames/s per watcher": result.framesPerEditorPerSecond,
      "all arrived": result.complete ? "yes" : "NO",
      refused: Object.entries(result.refusals).map(([code, count]) => `${count} ${code}`).join(", ") || "0",
      disconnected: result.disconnected,
      "generator CPU %": result.generatorCpuPercent,
      "generator lag p99 ms": result.generatorLagP99,
    };
  } finally {
    await server.stop();
  }
}

const bench: Bench = async () => {
  const targets = process.env.BENCH_DATABASE_URL?.trim() ? [pgliteTarget, postgresTarget] : [pgliteTarget];
  const rows: BenchRow[] = [];
  for (const target of targets) rows.push(await measure(target));
  return {
    title: `${WORKSHOPS} workshops × ${EDITORS} editors typing ${KEYS_PER_SECOND} keys/s into their own workshop's note for ${SECONDS} s, one node`,
    rows,
    notes: [
      "fan-out = an editor sends a keystroke until its workshop's watcher (another editor of that note) has applied it; ack = until the server has stored and acknowledged it",
      "keys planned = what the editors would type at 5 keys/s; updates sent also count each editor's first (its paragraph) and fall short when the load generator is starved (an update then carries several keys)",
      "server CPU = this process (socket server, rooms, PGlite) while the editors typed, % of one core; PostgreSQL's own processes are not counted; a backlog the server drains after the typing stops is not in it (nor in CPU ms/update)",
      "target (issue 14): fan-out p99 ≤ 100 ms",
      ...(process.env.BENCH_DATABASE_URL?.trim() ? [] : ["PostgreSQL not measured: set BENCH_DATABASE_URL"]),
    ],
  };
};

export default bench;
