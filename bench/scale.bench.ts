/**
 * One note, N editors typing 5 keys a second (issue 14): fan-out and ack latency and server CPU,
 * with the load generator in a process of its own (bench/support/scale-load.ts), for
 * - a plain WebSocket relay (no merging, no storage: the floor),
 * - a Hocuspocus server (in memory, storing nothing: what teams pick for this job),
 * - Rapporteur (the real socket server, room and storage) on in-memory PGlite and, when
 *   BENCH_DATABASE_URL names a server, on PostgreSQL in a throwaway database,
 * all in this process, one after another, at the same sizes. BENCH_SCALE_SIZES (comma-separated)
 * and BENCH_SCALE_SECONDS change the sizes and the typing time; BENCH_SCALE_TARGETS picks among
 * relay, hocuspocus, pglite, postgres.
 */
import http from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { Server as HocuspocusServer } from "@hocuspocus/server";
import { inLoadProcess } from "./support/load-process";
import { listen, pgliteTarget as pglite, postgresTarget as postgres, type Target } from "./support/rapporteur-target";
import type { LoadResult } from "./support/scale-load";
import type { Bench, BenchRow } from "./run";

const KEYS_PER_SECOND = 5;
const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 6);
const SIZES = (process.env.BENCH_SCALE_SIZES ?? "5,20,50,100,150,250").split(",").map(Number);
const TARGETS = (process.env.BENCH_SCALE_TARGETS ?? "relay,hocuspocus,pglite,postgres").split(",");

type Measured = LoadResult & { cpuPercent: number };

const relay: Target = {
  name: "ws relay",
  protocol: "relay",
  async start() {
    const server = http.createServer();
    const wss = new WebSocketServer({ server });
    wss.on("connection", (socket: WebSocket) => {
      socket.on("message", (data, isBinary) => {
        for (const other of wss.clients) if (other !== socket && other.readyState === other.OPEN) other.send(data, { binary: isBinary });
      });
    });
    const port = await listen(server);
    return {
      url: `ws://127.0.0.1:${port}`,
      origin: `http://localhost:${port}`,
      prepare: async () => ({ documents: ["note"], cookies: [] }),
      stop: async () => {
        wss.clients.forEach((client) => client.terminate());
        await new Promise((resolve) => wss.close(resolve));
        await new Promise((resolve) => server.close(resolve));
      },
    };
  },
};

const hocuspocus: Target = {
  name: "Hocuspocus",
  protocol: "hocuspocus",
  async start() {
    const server = new HocuspocusServer({ quiet: true, port: 0, address: "127.0.0.1", stopOnSignals: false });
    await server.listen();
    const { port } = server.address;
    let run = 0;
    return {
      url: `ws://127.0.0.1:${port}`,
      origin: `http://localhost:${port}`,
      // A fresh, empty document per run, as the figures were measured.
      prepare: async () => ({ documents: [`note-${(run += 1)}`], cookies: [] }),
      stop: () => server.destroy(),
    };
  },
};

function chosenTargets(): Target[] {
  const all: Record<string, Target> = { relay, hocuspocus, pglite, postgres };
  return TARGETS.filter((name) => name !== "postgres" || process.env.BENCH_DATABASE_URL?.trim()).map((name) => all[name]!);
}

/** Server CPU per update sent while typing: steadier than latency on a shared machine. */
const cpuMsPerUpdate = (result: Measured) => (((result.cpuPercent / 100) * SECONDS * 1000) / Math.max(1, result.sent)).toFixed(2);

const bench: Bench = async () => {
  const measured = new Map<string, Map<number, Measured>>();
  for (const target of chosenTargets()) {
    const server = await target.start();
    const byEditors = new Map<number, Measured>();
    measured.set(target.name, byEditors);
    try {
      for (const editors of SIZES) {
        const { documents, cookies } = await server.prepare(editors);
        const result = await inLoadProcess<LoadResult>({ protocol: target.protocol, url: server.url, origin: server.origin, documents, cookies, editors, seconds: SECONDS, keysPerSecond: KEYS_PER_SECOND });
        byEditors.set(editors, result);
        console.error(`scale: ${target.name}, ${editors} editors: ${result.sent} updates, fan-out p50 ${result.fanOutP50} ms, p99 ${result.fanOutP99} ms, CPU ${result.cpuPercent.toFixed(0)}%, ${cpuMsPerUpdate(result)} CPU ms/update`);
      }
    } finally {
      await server.stop();
    }
  }

  const hocus = measured.get(hocuspocus.name);
  const rows: BenchRow[] = [];
  for (const [name, byEditors] of measured) {
    for (const [editors, result] of byEditors) {
      const reference = hocus?.get(editors);
      rows.push({
        server: name,
        editors,
        "updates sent": result.sent,
        "ack p50 ms": result.ackP50,
        "ack p99 ms": result.ackP99,
        "fan-out p50 ms": result.fanOutP50,
        "fan-out p99 ms": result.fanOutP99,
        "p99 ÷ Hocuspocus": reference ? (result.fanOutP99 / Math.max(1, reference.fanOutP99)).toFixed(1) : "",
        "server CPU %": Math.round(result.cpuPercent),
        "CPU %/editor": (result.cpuPercent / editors).toFixed(2),
        "CPU ÷ Hocuspocus": reference ? (result.cpuPercent / Math.max(0.1, reference.cpuPercent)).toFixed(1) : "",
        "frames/s (watcher)": result.framesPerEditorPerSecond,
        "CPU ms/update": cpuMsPerUpdate(result),
        "all arrived": result.complete ? "yes" : "NO",
        refused: Object.entries(result.refusals).map(([code, count]) => `${count} ${code}`).join(", ") || "0",
        disconnected: result.disconnected,
        "generator CPU %": result.generatorCpuPercent,
        "generator lag p99 ms": result.generatorLagP99,
      });
    }
  }
  return {
    title: `One note, editors typing ${KEYS_PER_SECOND} keys/s for ${SECONDS} s, load generator in its own process`,
    rows,
    notes: [
      "fan-out = an editor sends a keystroke until another editor (the watcher) has applied it; ack = until the server acknowledges it",
      "Rapporteur acknowledges once the tick's merged update is stored; Hocuspocus acknowledges once applied in memory; the relay acknowledges nothing (its ack is the socket write)",
      "server CPU = this process while the editors typed (% of one core); PostgreSQL's own processes are not counted",
      "2-core machine shared with other work: repeat runs and compare back to back",
    ],
  };
};

export default bench;
