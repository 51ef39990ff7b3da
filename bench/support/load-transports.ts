/**
 * The load generator's three protocols (bench/support/scale-load.ts): connect and sync one
 * editor's document, send its updates (resolving on the acknowledgement), close.
 * - "rapporteur": the app's socket.io note protocol (note:join, note:update with an ack);
 * - "hocuspocus": the Hocuspocus wire protocol (auth, sync step 1, updates; SyncStatus as the ack);
 * - "relay": raw Yjs updates over a plain WebSocket, relayed to everyone else (one document only).
 */
import { io as connectClient, type Socket } from "socket.io-client";
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export type LoadProtocol = "rapporteur" | "hocuspocus" | "relay";

/** Where one editor connects: the server, and its note's workshop id (rapporteur) or document name. */
export interface Endpoint {
  url: string;
  origin: string;
  document: string;
  /** The editor's session cookie (rapporteur only). */
  cookie: string;
}

/** What each protocol does: connect and sync, send an update (resolving on its ack), and close. */
export interface Transport {
  /** Resolves on the acknowledgement: null, or the code of a refusal. */
  send(update: Uint8Array): Promise<string | null>;
  /** False once the connection dropped (an overloaded server misses pings); nothing is sent then. */
  isOpen(): boolean;
  close(): void;
}
export type Receive = (update: Uint8Array) => void;

async function rapporteurTransport(plan: Endpoint, doc: Y.Doc, receive: Receive): Promise<Transport> {
  const socket: Socket = connectClient(plan.url, {
    transports: ["websocket"],
    extraHeaders: { cookie: plan.cookie, origin: plan.origin },
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
      // A dropped socket rejects its pending acks: counted as a refusal, not a crash of the run.
      const answer = await socket.timeout(60_000).emitWithAck("note:update", { workshopId: plan.document, update }).catch(() => ({ ok: false, code: socket.connected ? "NO_ACK" : "DISCONNECTED" }));
      return answer.ok ? null : String(answer.code);
    },
    isOpen: () => socket.connected,
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

async function hocuspocusTransport(plan: Endpoint, doc: Y.Doc, receive: Receive): Promise<Transport> {
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
    isOpen: () => ws.readyState === WebSocket.OPEN,
    close: () => ws.close(),
  };
}

async function relayTransport(plan: Endpoint, _doc: Y.Doc, receive: Receive): Promise<Transport> {
  const ws = await openSocket(plan.url, plan.origin);
  ws.on("message", (data: Buffer) => receive(new Uint8Array(data)));
  // A relay stores nothing and acknowledges nothing: "ack" is the write reaching the socket.
  return {
    send: (update) => new Promise<string | null>((resolve, reject) => ws.send(update, (error) => (error ? reject(error) : resolve(null)))),
    isOpen: () => ws.readyState === WebSocket.OPEN,
    close: () => ws.close(),
  };
}

export const TRANSPORTS = { rapporteur: rapporteurTransport, hocuspocus: hocuspocusTransport, relay: relayTransport } satisfies Record<LoadProtocol, unknown>;
