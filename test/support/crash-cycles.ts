/**
 * Crash cycles (issue 14), shared by test/crash.test.ts and bench/crash.bench.ts. Each cycle starts
 * an app node (./realtime-node.ts, a fresh process) on the database; three members type into the
 * meeting note at once, one of them also creating annotations over HTTP; the node is SIGKILLed
 * after a seeded-random number of acknowledgements, mid-traffic. Then every note update the node
 * acknowledged must be in the stored note, and every annotation answered 201 must exist: read
 * from storage once the node is dead, and again from the restarted node when the next cycle's
 * members join the note.
 */
import path from "node:path";
import * as Y from "yjs";
import { io as connectClient, type Socket } from "socket.io-client";
import { adoptDatabase, disconnectDatabase, getPrisma } from "@/lib/db";
import { openDatabase } from "@/lib/db/connection";
import { loadNote } from "@/lib/notes/note-store";
import { createPrng, randomInt } from "@/lib/anchoring/testing";
import { addMember, createSession, createSource, createUser, createWorkshopWithBlankNote } from "@/test/factories";
import { bytes, typePiece } from "./note-typing";
import { NODE_ORIGIN, startNode, type NodeOptions, type RealtimeNode } from "./realtime-nodes";

export interface CrashDatabase {
  /** Where the node opens it. */
  node: NodeOptions["database"];
  /** Runs `work` with the database open in this process: a PGlite directory only while no node has it. */
  use<T>(work: () => Promise<T>): Promise<T>;
}

/** A PostgreSQL database this process has already made its own (adoptDatabase, setupTestDatabase). */
export function postgresDatabase(url: string): CrashDatabase {
  return { node: { url }, use: (work) => work() };
}

/**
 * PGlite under `dataDir` as `npm start` keeps it (DATA_DIR), opened here only between nodes (one
 * process per directory); a new directory starts as `startFrom`, a migrated dump.
 */
export function pgliteDataDirDatabase(dataDir: string, startFrom?: Blob): CrashDatabase {
  return {
    node: { dataDir },
    use: async (work) => {
      // Where resolveDatabaseTarget puts it under DATA_DIR.
      adoptDatabase(await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite"), startFrom }));
      try {
        return await work();
      } finally {
        await disconnectDatabase();
      }
    },
  };
}

export interface CrashReport {
  cycles: number;
  ackedUpdates: number;
  writes: number;
  /** Acknowledged updates missing from storage after a kill, or from the restarted node. */
  lostUpdates: number;
  /** Annotations answered 201 and missing after a kill. */
  lostWrites: number;
  msPerCycle: number;
}

const MEMBERS = 3;
/** The kill comes after this many acknowledgements in the cycle (seeded): always mid-traffic. */
const KILL_AFTER = { min: 10, max: 60 };
const SOURCE_TEXT = "The host community asked to be consulted before any recording was made of the meeting.";
// Generous: on a busy two-core CI machine a join has taken over 5 s; a lost ack is not a lost update.
const ACK_TIMEOUT_MS = 30_000;

type Ack = { ok: true } | { ok: false; code: string };
type JoinAck = { ok: true; update: Uint8Array } | { ok: false; code: string };

interface Setup {
  workshopId: string;
  sourceId: string;
  cookies: string[];
}

async function seed(): Promise<Setup> {
  const workshop = await createWorkshopWithBlankNote();
  const source = await createSource(workshop.id, { text: SOURCE_TEXT });
  const cookies: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const user = await createUser();
    await addMember(workshop.id, user.id, "PARTICIPANT");
    cookies.push(`next-auth.session-token=${await createSession(user.id)}`);
  }
  return { workshopId: workshop.id, sourceId: source.id, cookies };
}

/** A member with the note open: socket, and a document following the node's room. */
async function join(node: RealtimeNode, cookie: string, workshopId: string): Promise<{ socket: Socket; doc: Y.Doc }> {
  const socket = connectClient(node.url, { transports: ["websocket"], extraHeaders: { cookie, origin: NODE_ORIGIN }, reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
  const doc = new Y.Doc();
  socket.on("note:update", (payload: { update: unknown }) => Y.applyUpdate(doc, bytes(payload.update)));
  const call = <T>(event: string, payload: unknown) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload) as Promise<T>;
  const workshopAck = await call<Ack>("workshop:join", { workshopId });
  if (!workshopAck.ok) throw new Error(`workshop:join refused: ${workshopAck.code}`);
  const joined = await call<JoinAck>("note:join", { workshopId, stateVector: Y.encodeStateVector(doc) });
  if (!joined.ok) throw new Error(`note:join refused: ${joined.code}`);
  Y.applyUpdate(doc, bytes(joined.update));
  return { socket, doc };
}

/** How many of the updates are not wholly in the document (the edits only insert: the state vector tells). */
export function missingUpdates(state: Uint8Array, updates: readonly Uint8Array[]): number {
  const stored = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  return updates.filter((update) => [...Y.parseUpdateMeta(update).to].some(([client, clock]) => (stored.get(client) ?? 0) < clock)).length;
}

export async function runCrashCycles(options: { database: CrashDatabase; cycles: number; seed: number }): Promise<CrashReport> {
  const { database, cycles } = options;
  const random = createPrng(options.seed);
  const setup = await database.use(seed);
  const acked: Uint8Array[] = [];
  const written: string[] = [];
  const report = { cycles, ackedUpdates: 0, writes: 0, lostUpdates: 0, lostWrites: 0, msPerCycle: 0 };
  const started = performance.now();
  for (let cycle = 0; cycle < cycles; cycle++) {
    const node = await startNode({ database: database.node, adapter: null, channel: `crash-${options.seed}`, httpWrites: true });
    try {
      const members = await Promise.all(setup.cookies.map((cookie) => join(node, cookie, setup.workshopId)));
      // The restart check: what the new node serves holds everything acknowledged before.
      report.lostUpdates += missingUpdates(Y.encodeStateAsUpdate(members[0]!.doc), acked);
      const killAfter = randomInt(random, KILL_AFTER.min, KILL_AFTER.max);
      let acksThisCycle = 0;
      const counted = () => {
        if (++acksThisCycle === killAfter) void node.kill();
      };
      const typing = members.map(async ({ socket, doc }, member) => {
        for (let piece = 0; socket.connected; piece++) {
          const update = typePiece(doc, `m${member}`, `${cycle}.${piece}`);
          const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("note:update", { workshopId: setup.workshopId, update })) as Ack;
          if (!ack.ok) throw new Error(`note:update refused: ${ack.code}`);
          acked.push(update);
          counted();
        }
      });
      const annotating = (async () => {
        while (node.process.exitCode === null && node.process.signalCode === null) {
          const start = randomInt(random, 0, SOURCE_TEXT.length - 10);
          const response = await fetch(`${node.url}/annotations`, {
            method: "POST",
            headers: { cookie: setup.cookies[0]!, "content-type": "application/json" },
            body: JSON.stringify({ workshopId: setup.workshopId, sourceId: setup.sourceId, start, end: start + randomInt(random, 3, 9), comment: `cycle ${cycle}` }),
          });
          if (response.status !== 201) throw new Error(`annotation answered ${response.status}: ${await response.text()}`);
          written.push(((await response.json()) as { id: string }).id);
          counted();
        }
      })();
      // Every loop ends in the kill: a refused or failed call once the node is gone is expected.
      const outcomes = await Promise.allSettled([...typing, annotating]);
      await node.kill();
      members.forEach(({ socket }) => socket.disconnect());
      if (acksThisCycle < killAfter) throw new Error(`cycle ${cycle}: traffic stopped before the kill: ${describeFailures(outcomes)}`);
    } finally {
      await node.kill();
    }
    // The node is dead: whatever it acknowledged must be in storage.
    const { state, found } = await database.use(async () => {
      const db = await getPrisma();
      // The dead node's room lease would keep the note shut to the next node until it ran out
      // (ROOM_LEASE_MS, 30 s): ended here, as that wait would, so that cycles take seconds.
      await db.meetingNote.update({ where: { workshopId: setup.workshopId }, data: { roomLeaseUntil: new Date(0) } });
      return { state: (await loadNote(setup.workshopId)).state, found: await db.annotation.count({ where: { id: { in: written } } }) };
    });
    report.lostUpdates += missingUpdates(state, acked);
    report.lostWrites += written.length - found;
  }
  report.msPerCycle = Math.round((performance.now() - started) / cycles);
  return { ...report, ackedUpdates: acked.length, writes: written.length };
}

function describeFailures(outcomes: PromiseSettledResult<unknown>[]): string {
  return outcomes.map((outcome) => (outcome.status === "rejected" ? String(outcome.reason) : "ended")).join("; ");
}
