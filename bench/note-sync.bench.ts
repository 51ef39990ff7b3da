/**
 * The live note under load: N editors (real socket.io clients, each with its own Yjs document)
 * type into the same note at a steady rate through the real socket server, room and storage
 * (embedded PGlite in memory, so figures are the slower of the two databases). Measured:
 * - ack: from sending an update to its acknowledgement (checked, merged, stored, shared);
 * - fan-out: from sending to the moment another editor has applied it;
 * - rows stored and frames each editor received per second (per-tick merging at work).
 * Clients batch keystrokes every 100 ms, as the browser client does.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { io as connectClient, type Socket } from "socket.io-client";
import * as Y from "yjs";
import { openDatabase } from "@/lib/db/connection";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { disconnectDatabase, adoptDatabase } from "@/lib/db";
import { closeSocketServer, createSocketServer } from "@/lib/realtime/socket-server";
import { setRealtimeServer } from "@/lib/realtime/hub";
import { addMember, createSession, createUser, createWorkshop } from "@/test/factories";
import type { Bench, BenchRow } from "./run";

const KEYSTROKES_PER_SECOND = 5;
const SECONDS = 6;
const CLIENT_BATCH_MS = 100;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

interface Editor {
  socket: Socket;
  doc: Y.Doc;
  text: Y.XmlText | null;
  frames: number;
}

async function run(editorCount: number, url: string, origin: string): Promise<BenchRow> {
  const workshop = await createWorkshop();
  const editors: Editor[] = [];
  for (let index = 0; index < editorCount; index += 1) {
    const user = await createUser();
    await addMember(workshop.id, user.id, "PARTICIPANT");
    const token = await createSession(user.id);
    const socket = connectClient(url, {
      transports: ["websocket"],
      extraHeaders: { cookie: `next-auth.session-token=${token}`, origin },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
    const doc = new Y.Doc();
    const ack = await socket.timeout(10_000).emitWithAck("note:join", { workshopId: workshop.id, stateVector: Y.encodeStateVector(doc) });
    Y.applyUpdate(doc, ack.update, "server");
    editors.push({ socket, doc, text: null, frames: 0 });
  }

  // Each editor gets its own paragraph to type into.
  for (const editor of editors) {
    const paragraph = new Y.XmlElement("paragraph");
    editor.doc.getXmlFragment("default").push([paragraph]);
    editor.text = new Y.XmlText();
    paragraph.insert(0, [editor.text]);
  }

  // Fan-out is watched on one editor: when has it applied client X's clock C?
  const watcher = editors[0]!;
  const waiting: { client: number; clock: number; sentAt: number }[] = [];
  const fanOut: number[] = [];
  for (const editor of editors) {
    editor.socket.on("note:update", ({ update }: { update: Uint8Array }) => {
      editor.frames += 1;
      Y.applyUpdate(editor.doc, new Uint8Array(update), "server");
      if (editor !== watcher) return;
      const vector = Y.decodeStateVector(Y.encodeStateVector(watcher.doc));
      const now = performance.now();
      for (let i = waiting.length - 1; i >= 0; i -= 1) {
        const item = waiting[i]!;
        if ((vector.get(item.client) ?? 0) >= item.clock) {
          fanOut.push(now - item.sentAt);
          waiting.splice(i, 1);
        }
      }
    });
  }

  const acks: number[] = [];
  let sent = 0;
  const inFlight: Promise<void>[] = [];
  const sentVectors: Uint8Array[] = editors.map(() => new Uint8Array([0]));
  const send = (index: number) => {
    const editor = editors[index]!;
    const update = Y.encodeStateAsUpdate(editor.doc, sentVectors[index]);
    sentVectors[index] = Y.encodeStateVector(editor.doc);
    if (update.byteLength <= 2) return;
    const sentAt = performance.now();
    if (editor !== watcher) waiting.push({ client: editor.doc.clientID, clock: Y.getState(editor.doc.store, editor.doc.clientID), sentAt });
    sent += 1;
    inFlight.push(
      editor.socket
        .timeout(30_000)
        .emitWithAck("note:update", { workshopId: workshop.id, update })
        .then(() => void acks.push(performance.now() - sentAt)),
    );
  };

  const started = performance.now();
  const typing = editors.map((editor, index) =>
    setInterval(() => editor.text!.insert(editor.text!.length, "x"), 1000 / KEYSTROKES_PER_SECOND + (index % 7)),
  );
  const batching = setInterval(() => editors.forEach((_, index) => send(index)), CLIENT_BATCH_MS);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  typing.forEach(clearInterval);
  clearInterval(batching);
  editors.forEach((_, index) => send(index));
  await Promise.all(inFlight);
  const deadline = Date.now() + 10_000;
  while (waiting.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const elapsed = (performance.now() - started) / 1000;

  const { getPrisma } = await import("@/lib/db");
  const prisma = await getPrisma();
  const rows = await prisma.meetingNoteUpdate.count({ where: { note: { workshopId: workshop.id } } });
  const converged = editors.every((editor) => editor.doc.getXmlFragment("default").toString() === watcher.doc.getXmlFragment("default").toString());
  for (const editor of editors) editor.socket.disconnect();

  return {
    editors: editorCount,
    "keystrokes/s": editorCount * KEYSTROKES_PER_SECOND,
    "updates sent": sent,
    "ack p50 ms": Math.round(percentile(acks, 50)),
    "ack p99 ms": Math.round(percentile(acks, 99)),
    "fan-out p50 ms": Math.round(percentile(fanOut, 50)),
    "fan-out p99 ms": Math.round(percentile(fanOut, 99)),
    "frames/editor/s": Number((watcher.frames / elapsed).toFixed(1)),
    "log rows (+compactions)": rows,
    converged: converged ? "yes" : "NO",
  };
}

const bench: Bench = async () => {
  process.env.RAPPORTEUR_MODE ??= "demo";
  const connection = await openDatabase({ kind: "pglite", dataDir: null });
  await applyPendingMigrations(connection.factory);
  adoptDatabase(connection);
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://localhost:${port}`;
  const io = createSocketServer(server, { allowedOrigins: [origin] });
  const rows: BenchRow[] = [];
  try {
    for (const count of [5, 20, 50]) rows.push(await run(count, `http://127.0.0.1:${port}`, origin));
  } finally {
    await closeSocketServer(io);
    setRealtimeServer(undefined);
    if (server.listening) server.close();
    await disconnectDatabase();
  }
  return {
    title: `Live note: editors typing ${KEYSTROKES_PER_SECOND} keystrokes/s each for ${SECONDS} s (PGlite in memory)`,
    rows,
    notes: ["ack = checked, merged per 50 ms tick, stored, shared; fan-out = applied by another editor", "clients and server share this process and its 2 cores"],
  };
};

export default bench;
