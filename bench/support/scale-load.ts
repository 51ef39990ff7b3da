/**
 * The scale bench's load generator, in a process of its own (forked by bench/scale.bench.ts) so
 * that typing editors do not share the server's event loop. N editors each type 5 keys a second
 * into their own paragraph and send what they typed every 100 ms (as the browser does), over one
 * of three protocols:
 * - "rapporteur": the app's socket.io note protocol (note:join, note:update with an ack);
 * - "hocuspocus": the Hocuspocus wire protocol (auth, sync step 1, updates; SyncStatus as the ack);
 * - "relay": raw Yjs updates over a plain WebSocket, relayed to everyone else.
 * One editor (the watcher) applies everything it receives: fan-out is the time from an editor
 * sending a keystroke to the watcher having applied it. The others drop what they receive (their
 * paragraphs do not depend on anyone else's), so the generator spends its time sending, not
 * merging 250 copies of the note. Results go back to the parent over IPC.
 */
import { io as connectClient, type Socket } from "socket.io-client";
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export type LoadProtocol = "rapporteur" | "hocuspocus" | "relay";

export interface LoadPlan {
  protocol: LoadProtocol;
  url: string;
  origin: string;
  /** The note's workshop id (rapporteur) or document name (hocuspocus). */
  document: string;
  /** One session cookie per editor (rapporteur only). */
  cookies: string[];
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
  /** The watcher ended with every keystroke of every editor. */
  complete: boolean;
  connectMs: number;
  /** Refused updates by code (sent again, as the browser does). */
  refusals: Record<string, number>;
}

/** Messages between the parent and this process. */
export type ToParent = { kind: "typing" } | { kind: "typed" } | { kind: "joined" } | { kind: "result"; result: LoadResult | JoinResult } | { kind: "error"; message: string };

/** What the parent sends after a plan: "release" ends a join plan's hold. */
export type ToChild = { kind: "release" };

const CLIENT_BATCH_MS = 100;
const FRAGMENT = "default";

/** What each protocol does: connect and sync, send an update (resolving on its ack), and close. */
interface Transport {
  /** Resolves on the acknowledgement: null, or the code of a refusal. */
  send(update: Uint8Array): Promise<string | null>;
  close(): void;
}
type Receive = (update: Uint8Array) => void;

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]! : NaN;
}

async function rapporteurTransport(plan: LoadPlan, index: number, doc: Y.Doc, receive: Receive): Promise<Transport> {
  const socket: Socket = connectClient(plan.url, {
    transports: ["websocket"],
    extraHeaders: { cookie: plan.cookies[index]!, origin: plan.origin },
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
  const joined = await socket.timeout(60_000).emitWithAck("note:join", { workshopId: plan.document, stateVector: Y.encodeStateVector(doc) });
  if (!joined.ok) throw new Error(`note:join refused: ${joined.message}`);
  Y.applyUpdate(doc, new Uint8Array(joined.update), "server");
  socket.on("note:update", ({ update }: { update: Uint8Array }) => receive(new Uint8Array(update)));
  return {
    send: async (update) => {
      const answer = await socket.timeout(60_000).emitWithAck("note:update", { workshopId: plan.document, update });
      return answer.ok ? null : String(answer.code);
    },
    close: () => socket.disconnect(),
  };
}

async function openSocket(url: string, origin: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers: { origin } });
  ws.binaryType = "nodebuffer";
  await new Promise<void>((resolve, reject) => ws.once("open", () => resolve()).once("error", reject));
  return ws;
}

// Hocuspocus's message types (packages/server MessageType) and Yjs sync steps.
const HP_SYNC = 0;
const HP_AUTH = 2;
const HP_SYNC_STATUS = 8;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

async function hocuspocusTransport(plan: LoadPlan, _index: number, doc: Y.Doc, receive: Receive): Promise<Transport> {
  const ws = await openSocket(plan.url, plan.origin);
  const frame = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, plan.document);
    write(encoder);
    return encoding.toUint8Array(encoder);
  };
  const acks: (() => void)[] = [];
  let synced: () => void = () => {};
  const ready = new Promise<void>((resolve) => (synced = resolve));
  ws.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === HP_SYNC_STATUS) return void acks.shift()?.();
    if (type !== HP_SYNC) return;
    const step = decoding.readVarUint(decoder);
    if (step === SYNC_STEP2) {
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder), "server");
      synced();
    } else if (step === SYNC_UPDATE) receive(decoding.readVarUint8Array(decoder));
  });
  ws.send(frame((encoder) => {
    encoding.writeVarUint(encoder, HP_AUTH);
    encoding.writeVarUint(encoder, 0); // a token
    encoding.writeVarString(encoder, "bench");
  }));
  ws.send(frame((encoder) => {
    encoding.writeVarUint(encoder, HP_SYNC);
    encoding.writeVarUint(encoder, SYNC_STEP1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  }));
  await ready;
  return {
    send: (update) =>
      new Promise<string | null>((resolve) => {
        acks.push(() => resolve(null));
        ws.send(frame((encoder) => {
          encoding.writeVarUint(encoder, HP_SYNC);
          encoding.writeVarUint(encoder, SYNC_UPDATE);
          encoding.writeVarUint8Array(encoder, update);
        }));
      }),
    close: () => ws.close(),
  };
}

async function relayTransport(plan: LoadPlan, _index: number, _doc: Y.Doc, receive: Receive): Promise<Transport> {
  const ws = await openSocket(plan.url, plan.origin);
  ws.on("message", (data: Buffer) => receive(new Uint8Array(data)));
  // A relay stores nothing and acknowledges nothing: "ack" is the write reaching the socket.
  return {
    send: (update) => new Promise<string | null>((resolve, reject) => ws.send(update, (error) => (error ? reject(error) : resolve(null)))),
    close: () => ws.close(),
  };
}

const TRANSPORTS = { rapporteur: rapporteurTransport, hocuspocus: hocuspocusTransport, relay: relayTransport } satisfies Record<LoadProtocol, unknown>;

export async function runLoad(plan: LoadPlan, report: (message: ToParent) => void): Promise<LoadResult> {
  const docs = Array.from({ length: plan.editors }, () => new Y.Doc());
  const watcher = docs[0]!;
  const waiting: { client: number; clock: number; sentAt: number }[] = [];
  const fanOut: number[] = [];
  let frames = 0;
  const onWatcherUpdate: Receive = (update) => {
    frames += 1;
    Y.applyUpdate(watcher, update, "server");
    const now = performance.now();
    for (let i = waiting.length - 1; i >= 0; i -= 1) {
      const item = waiting[i]!;
      if (Y.getState(watcher.store, item.client) >= item.clock) {
        fanOut.push(now - item.sentAt);
        waiting.splice(i, 1);
      }
    }
  };

  const connecting = performance.now();
  const transports: Transport[] = [];
  // A few at a time: a join storm is measured elsewhere (the join bench).
  for (let start = 0; start < plan.editors; start += 10) {
    const batch = docs.slice(start, start + 10).map((doc, offset) => TRANSPORTS[plan.protocol](plan, start + offset, doc, start + offset === 0 ? onWatcherUpdate : () => {}));
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
    const doc = docs[index]!;
    const update = Y.encodeStateAsUpdate(doc, sentVectors[index]);
    const vector = Y.encodeStateVector(doc);
    sentVectors[index] = vector;
    if (update.byteLength <= 2) return;
    const sentAt = performance.now();
    if (doc !== watcher) waiting.push({ client: doc.clientID, clock: Y.getState(doc.store, doc.clientID), sentAt });
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
  const started = performance.now();
  const typing = texts.map((text, index) => setInterval(() => text.insert(text.length, "x"), 1000 / plan.keysPerSecond + (index % 7)));
  const batching = setInterval(() => docs.forEach((_, index) => send(index)), CLIENT_BATCH_MS);
  await new Promise((resolve) => setTimeout(resolve, plan.seconds * 1000));
  typing.forEach(clearInterval);
  clearInterval(batching);
  docs.forEach((_, index) => send(index));
  report({ kind: "typed" });
  // Until everything is acknowledged: what was refused is sent again (send skips an empty diff).
  for (let round = 0; round < 20; round += 1) {
    const count = inFlight.length;
    await Promise.all(inFlight);
    docs.forEach((_, index) => send(index));
    if (inFlight.length === count) break;
  }
  const deadline = Date.now() + 30_000;
  while (waiting.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const elapsed = (performance.now() - started) / 1000;

  const typedByOthers = texts.slice(1).reduce((sum, text) => sum + text.length, 0);
  const watcherHas = watcher
    .getXmlFragment(FRAGMENT)
    .toArray()
    .reduce((sum, block) => sum + (block instanceof Y.XmlElement ? block.toArray().reduce((inner, child) => inner + (child instanceof Y.XmlText ? child.length : 0), 0) : 0), 0);
  transports.forEach((transport) => transport.close());
  return {
    sent,
    acked: acks.length,
    ackP50: Math.round(percentile(acks, 0.5)),
    ackP99: Math.round(percentile(acks, 0.99)),
    fanOutP50: Math.round(percentile(fanOut, 0.5)),
    fanOutP99: Math.round(percentile(fanOut, 0.99)),
    framesPerEditorPerSecond: Number((frames / elapsed).toFixed(1)),
    complete: watcherHas >= typedByOthers + texts[0]!.length && waiting.length === 0,
    connectMs: Math.round(connectMs),
    refusals,
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
