/**
 * The scale benches' load generator, in a process of its own (forked through
 * bench/support/load-process.ts) so that typing editors do not share the server's event loop.
 * For each document (one note: scale.bench.ts; one per workshop: many-notes.bench.ts), N editors
 * each type 5 keys a second into their own paragraph and send what they typed every 100 ms (as
 * the browser does), over one of the protocols of ./load-transports.ts. The first editor of each
 * document (its watcher) applies everything it receives: fan-out is the time from an editor
 * sending a keystroke to its document's watcher having applied it. The others drop what they
 * receive (their paragraphs do not depend on anyone else's), so the generator spends its time
 * sending, not merging copies of the note. Results go back to the parent over IPC.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io as connectClient } from "socket.io-client";
import * as Y from "yjs";
import { TRANSPORTS, type LoadProtocol, type Receive, type Transport } from "./load-transports";

export type { LoadProtocol } from "./load-transports";

export interface LoadPlan {
  protocol: LoadProtocol;
  url: string;
  origin: string;
  /** Each note's workshop id (rapporteur) or document name (hocuspocus; the relay has one). */
  documents: string[];
  /** One session cookie per editor, document after document (rapporteur only). */
  cookies: string[];
  /** Editors per document. */
  editors: number;
  seconds: number;
  keysPerSecond: number;
}

export interface LoadResult {
  sent: number;
  acked: number;
  ackP50: number;
  ackP99: number;
  fanOutP50: number;
  fanOutP99: number;
  framesPerEditorPerSecond: number;
  /** Every watcher ended with every keystroke of every editor of its document. */
  complete: boolean;
  connectMs: number;
  /** Refused updates by code (sent again, as the browser does). */
  refusals: Record<string, number>;
  /** Editors whose connection dropped during the run (missed pings): they stop typing. */
  disconnected: number;
  /** This process while the editors typed: CPU in % of one core, and its event loop's p99 delay in ms. */
  generatorCpuPercent: number;
  generatorLagP99: number;
}

/** Messages between the parent and this process. */
export type ToParent = { kind: "typing" } | { kind: "typed" } | { kind: "joined" } | { kind: "result"; result: LoadResult | JoinResult } | { kind: "error"; message: string };

/** What the parent sends after a plan: "release" ends a join plan's hold. */
export type ToChild = { kind: "release" };

const CLIENT_BATCH_MS = 100;
const FRAGMENT = "default";

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]! : NaN;
}

export async function runLoad(plan: LoadPlan, report: (message: ToParent) => void): Promise<LoadResult> {
  const { editors } = plan;
  const docs = Array.from({ length: plan.documents.length * editors }, () => new Y.Doc());
  // Editor i types into document ⌊i / editors⌋; the first editor of each document watches it.
  const groupOf = (index: number) => Math.floor(index / editors);
  const isWatcher = (index: number) => index % editors === 0;
  const watchers = plan.documents.map((_, group) => docs[group * editors]!);
  const waiting = plan.documents.map((): { client: number; clock: number; sentAt: number }[] => []);
  const fanOut: number[] = [];
  let frames = 0;
  const watch = (group: number): Receive => (update) => {
    frames += 1;
    const watcher = watchers[group]!;
    const queue = waiting[group]!;
    Y.applyUpdate(watcher, update, "server");
    const now = performance.now();
    for (let i = queue.length - 1; i >= 0; i -= 1) {
      const item = queue[i]!;
      if (Y.getState(watcher.store, item.client) >= item.clock) {
        fanOut.push(now - item.sentAt);
        queue.splice(i, 1);
      }
    }
  };

  const connecting = performance.now();
  const transports: Transport[] = [];
  // A few at a time: a join storm is measured elsewhere (the join bench).
  for (let start = 0; start < docs.length; start += 10) {
    const batch = docs.slice(start, start + 10).map((doc, offset) => {
      const index = start + offset;
      const endpoint = { url: plan.url, origin: plan.origin, document: plan.documents[groupOf(index)]!, cookie: plan.cookies[index] ?? "" };
      return TRANSPORTS[plan.protocol](endpoint, doc, isWatcher(index) ? watch(groupOf(index)) : () => {});
    });
    transports.push(...(await Promise.all(batch)));
  }
  const connectMs = performance.now() - connecting;

  const texts = docs.map((doc) => {
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    doc.transact(() => {
      doc.getXmlFragment(FRAGMENT).push([paragraph]);
      paragraph.insert(0, [text]);
    });
    return text;
  });

  const acks: number[] = [];
  let sent = 0;
  const inFlight: Promise<void>[] = [];
  const refusals: Record<string, number> = {};
  const sentVectors: Uint8Array[] = docs.map(() => new Uint8Array([0]));
  // As the browser does: after a refusal, what was not acknowledged is sent again.
  const ackedVectors: Uint8Array[] = docs.map(() => new Uint8Array([0]));
  const send = (index: number) => {
    if (!transports[index]!.isOpen()) return;
    const doc = docs[index]!;
    const update = Y.encodeStateAsUpdate(doc, sentVectors[index]);
    const vector = Y.encodeStateVector(doc);
    sentVectors[index] = vector;
    if (update.byteLength <= 2) return;
    const sentAt = performance.now();
    if (!isWatcher(index)) waiting[groupOf(index)]!.push({ client: doc.clientID, clock: Y.getState(doc.store, doc.clientID), sentAt });
    sent += 1;
    inFlight.push(
      transports[index]!.send(update).then((refused) => {
        if (refused === null) {
          acks.push(performance.now() - sentAt);
          ackedVectors[index] = vector;
        } else {
          refusals[refused] = (refusals[refused] ?? 0) + 1;
          sentVectors[index] = ackedVectors[index]!;
        }
      }),
    );
  };

  report({ kind: "typing" });
  // The generator's own load while typing: when it is starved, every latency it times includes its lag.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpuAtStart = process.cpuUsage();
  const started = performance.now();
  const typing = texts.map((text, index) => setInterval(() => text.insert(text.length, "x"), 1000 / plan.keysPerSecond + (index % 7)));
  const batching = setInterval(() => docs.forEach((_, index) => send(index)), CLIENT_BATCH_MS);
  await new Promise((resolve) => setTimeout(resolve, plan.seconds * 1000));
  typing.forEach(clearInterval);
  clearInterval(batching);
  docs.forEach((_, index) => send(index));
  report({ kind: "typed" });
  lag.disable();
  const used = process.cpuUsage(cpuAtStart);
  const generatorCpuPercent = Math.round(((used.user + used.system) / 1000 / (performance.now() - started)) * 100);
  // Until everything is acknowledged: what was refused is sent again (send skips an empty diff).
  for (let round = 0; round < 20; round += 1) {
    const count = inFlight.length;
    await Promise.all(inFlight);
    docs.forEach((_, index) => send(index));
    if (inFlight.length === count) break;
  }
  const disconnected = transports.filter((transport) => !transport.isOpen()).length;
  // What a dropped editor sent but never had acknowledged may never arrive: do not wait for it then.
  const deadline = Date.now() + (disconnected ? 5_000 : 30_000);
  while (waiting.some((queue) => queue.length) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const elapsed = (performance.now() - started) / 1000;

  const typed = (block: unknown) => (block instanceof Y.XmlElement ? block.toArray().reduce((sum: number, child) => sum + (child instanceof Y.XmlText ? child.length : 0), 0) : 0);
  const complete = watchers.every((watcher, group) => {
    const written = texts.slice(group * editors, (group + 1) * editors).reduce((sum, text) => sum + text.length, 0);
    const seen = watcher.getXmlFragment(FRAGMENT).toArray().reduce((sum: number, block) => sum + typed(block), 0);
    return seen >= written && waiting[group]!.length === 0;
  });
  transports.forEach((transport) => transport.close());
  return {
    sent,
    acked: acks.length,
    ackP50: Math.round(percentile(acks, 0.5)),
    ackP99: Math.round(percentile(acks, 0.99)),
    fanOutP50: Math.round(percentile(fanOut, 0.5)),
    fanOutP99: Math.round(percentile(fanOut, 0.99)),
    // Per watcher: what one editor's page receives a second.
    framesPerEditorPerSecond: Number((frames / watchers.length / elapsed).toFixed(1)),
    complete,
    connectMs: Math.round(connectMs),
    refusals,
    disconnected,
    generatorCpuPercent,
    generatorLagP99: Math.round(lag.percentile(99) / 1e6),
  };
}

/** N sockets connecting and joining a workshop at once (socket.io, with session cookies). */
export interface JoinPlan {
  kind: "join";
  url: string;
  origin: string;
  workshopId: string;
  cookies: string[];
  /** Wait for each socket's first presence count (the app), or only the join's ack (a relay). */
  awaitPresence: boolean;
  /** Once all have joined, say "joined" and keep the sockets open until the parent says "release" (the memory bench). */
  hold?: boolean;
}

export interface JoinResult {
  sockets: number;
  allJoinedMs: number;
  presenceMessages: number;
}

export async function runJoin(plan: JoinPlan, report: (message: ToParent) => void = () => {}): Promise<JoinResult> {
  let presenceMessages = 0;
  const started = performance.now();
  const sockets = await Promise.all(
    plan.cookies.map(async (cookie) => {
      const socket = connectClient(plan.url, { transports: ["websocket"], extraHeaders: { cookie, origin: plan.origin }, reconnection: false, forceNew: true, timeout: 120_000 });
      const counted = new Promise<void>((resolve) => socket.on("presence:count", () => (presenceMessages += 1, resolve())));
      await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
      const ack = await socket.timeout(120_000).emitWithAck("workshop:join", { workshopId: plan.workshopId });
      if (!ack.ok) throw new Error(`workshop:join refused: ${ack.message}`);
      if (plan.awaitPresence) await counted;
      return socket;
    }),
  );
  const allJoinedMs = Math.round(performance.now() - started);
  // Let the last recounts arrive before counting messages.
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (plan.hold) {
    const released = new Promise<void>((resolve) => process.on("message", (message: ToChild) => message.kind === "release" && resolve()));
    report({ kind: "joined" });
    await released;
  }
  sockets.forEach((socket) => socket.disconnect());
  return { sockets: sockets.length, allJoinedMs, presenceMessages };
}

// Run as a forked child: one plan in, progress and the result out.
if (process.send) {
  const reply = (message: ToParent) => process.send!(message);
  process.once("message", (plan: LoadPlan | JoinPlan) => {
    ("kind" in plan ? runJoin(plan, reply) : runLoad(plan, reply))
      .then((result) => reply({ kind: "result", result }))
      .catch((error: unknown) => reply({ kind: "error", message: error instanceof Error ? error.stack ?? error.message : String(error) }))
      .finally(() => setTimeout(() => process.exit(0), 200));
  });
}
