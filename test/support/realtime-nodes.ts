import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";

/** App nodes (./realtime-node.ts) in their own processes, and clients connecting to them. */

export type AdapterKind = "redis" | "postgres";

export interface NodeOptions {
  /** A PostgreSQL database, or a PGlite data directory (DATA_DIR, as `npm start` takes it). */
  database: { url: string } | { dataDir: string };
  /** null: the only node, holding its notes alone. */
  adapter: AdapterKind | null;
  channel: string;
  /** Also answers POST /annotations (./annotation-endpoint.ts). */
  httpWrites?: boolean;
}

export interface RealtimeNode {
  url: string;
  process: ChildProcess;
  /** Runs a hub notifier inside the node, as its own route handlers would. */
  run(command: "notifyLessonsChanged" | "notifyNoteStatus", workshopId: string): Promise<void>;
  /** SIGKILL: no shutdown, nothing stored on the way out. Resolves once the process is gone. */
  kill(): Promise<void>;
}

/** The Origin both nodes accept: in production they sit behind one address. */
export const NODE_ORIGIN = "http://localhost:3999";
const ENTRY = path.join(path.dirname(new URL(import.meta.url).pathname), "realtime-node.ts");
/** Start-up compiles the server's modules with tsx: seconds, or tens of them on a busy CI machine. */
const START_TIMEOUT_MS = 90_000;

/** A channel prefix of its own per test run, so that parallel runs sharing Redis never cross. */
export function uniqueChannel(): string {
  return `rapporteur-test-${crypto.randomBytes(6).toString("hex")}`;
}

export async function startNode(options: NodeOptions): Promise<RealtimeNode> {
  // node --import tsx runs the script in this one process (the tsx CLI would fork a child that a
  // SIGKILL of its parent leaves running). Domain functions need the condition Next runs them with.
  const conditions = options.httpWrites ? ["--conditions=react-server"] : [];
  const child = spawn(process.execPath, [...conditions, "--import", "tsx", ENTRY], {
    cwd: path.resolve(path.dirname(ENTRY), "../.."),
    env: {
      ...process.env,
      // An empty DATABASE_URL is PGlite under DATA_DIR (lib/db/connection.ts).
      DATABASE_URL: "url" in options.database ? options.database.url : "",
      DATA_DIR: "dataDir" in options.database ? options.database.dataDir : "",
      NODE_ADAPTER: options.adapter ?? "none",
      NODE_HTTP_WRITES: options.httpWrites ? "1" : "",
      NODE_REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      NODE_CHANNEL: options.channel,
      NODE_ORIGIN,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start:\n${output}`)), START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /REALTIME_NODE_PORT=(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => reject(new Error(`node exited (${code}) before listening:\n${output}`)));
  }).catch((error: unknown) => {
    // A node that never said it listens must not outlive the test run.
    child.kill("SIGKILL");
    throw error;
  });
  let nextId = 0;
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    run: (command, workshopId) =>
      new Promise<void>((resolve) => {
        const id = ++nextId;
        const onMessage = (message: { done?: number }) => {
          if (message.done !== id) return;
          child.off("message", onMessage);
          resolve();
        };
        child.on("message", onMessage);
        child.send({ id, run: command, workshopId });
      }),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

export type Frame = { event: string; payload: unknown };
export type TestClient = { socket: ClientSocket; events: Frame[] };

export async function connectTo(node: RealtimeNode, cookie: string): Promise<TestClient> {
  const socket = connectClient(node.url, { transports: ["websocket"], extraHeaders: { cookie, origin: NODE_ORIGIN }, reconnection: false, forceNew: true });
  const client: TestClient = { socket, events: [] };
  socket.onAny((event: string, payload: unknown) => client.events.push({ event, payload }));
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
  return client;
}

/** Polls until the condition holds, failing after the deadline (events arrive on their own time). */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
