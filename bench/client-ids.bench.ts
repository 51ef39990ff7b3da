/**
 * What past visits cost (issue 14): every visit to the note is a fresh Yjs client id (right for
 * anonymity), and each id stays in the document. Measured: applying one small typing update to
 * a note that has had 0 to 5,000 visits (each visit typed a few characters), on the server's
 * side (Y.applyUpdate, as the room does), and the stored state's size. Then the 5,000-visit note
 * after the room's compaction of client ids (lib/notes/note-generation.ts, retireGeneration,
 * run against an in-memory PGlite as a closing room runs it). The target is 5,000 visits, after
 * compaction, within 1.5× of a fresh note.
 */
import * as Y from "yjs";
import { adoptDatabase, disconnectDatabase } from "../lib/db";
import { openDatabase } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";
import { retireGeneration } from "../lib/notes/note-generation";
import { createWorkshop } from "../test/factories";
import type { Bench, BenchRow } from "./run";

const UPDATES = 300;
const TARGET = 1.5;

function noteAfterVisits(visits: number): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  const paragraph = new Y.XmlElement("paragraph");
  fragment.push([paragraph]);
  const text = new Y.XmlText("Lessons from the roundtable.");
  paragraph.insert(0, [text]);
  for (let visit = 0; visit < visits; visit += 1) {
    // A visit: a page with a fresh client id types a little and deletes a little.
    doc.clientID = 1_000_000 + visit;
    text.insert(visit % text.length, "ab");
    text.delete((visit * 7) % (text.length - 1), 1);
  }
  return Y.encodeStateAsUpdate(doc);
}

function measure(visits: number | string, state: Uint8Array): BenchRow {
  const server = new Y.Doc();
  Y.applyUpdate(server, state);
  const typist = new Y.Doc();
  Y.applyUpdate(typist, state);
  const text = (typist.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const updates: Uint8Array[] = [];
  for (let i = 0; i < UPDATES; i += 1) {
    const before = Y.encodeStateVector(typist);
    text.insert(text.length, "x");
    updates.push(Y.encodeStateAsUpdate(typist, before));
  }
  const started = performance.now();
  for (const update of updates) Y.applyUpdate(server, update);
  const perUpdate = ((performance.now() - started) / UPDATES) * 1000;
  return {
    visits,
    "client ids": Y.decodeStateVector(Y.encodeStateVector(server)).size,
    "state KB": Number((state.byteLength / 1024).toFixed(1)),
    "apply µs/update": Math.round(perUpdate),
  };
}

/** The 5,000-visit note through the real compaction: stored, then retired under its lease. */
async function compacted(state: Uint8Array): Promise<Uint8Array> {
  const connection = await openDatabase({ kind: "pglite", dataDir: null });
  try {
    await applyPendingMigrations(connection.factory);
    const db = adoptDatabase(connection);
    const workshop = await createWorkshop();
    const note = await db.meetingNote.create({ data: { workshopId: workshop.id, yState: Uint8Array.from(state), roomLeaseToken: "bench", roomLeaseUntil: new Date(Date.now() + 60_000) } });
    const result = await retireGeneration(note.id, { roomState: state, leaseToken: "bench", expectedGeneration: 0 });
    if (!result.retired) throw new Error("the note was not compacted");
    return result.state;
  } finally {
    await disconnectDatabase();
  }
}

const bench: Bench = async () => {
  const states = new Map([0, 100, 1_000, 3_000, 5_000].map((visits) => [visits, noteAfterVisits(visits)]));
  const rows = [...states].map(([visits, state]) => measure(visits, state));
  rows.push(measure("5,000, after compaction", await compacted(states.get(5_000)!)));
  const fresh = Number(rows[0]!["apply µs/update"]);
  for (const row of rows) row["÷ fresh"] = (Number(row["apply µs/update"]) / fresh).toFixed(1);
  const after = Number(rows.at(-1)!["apply µs/update"]) / fresh;
  return {
    title: "Applying a typing update to a note after N visits (one fresh Yjs client id each)",
    rows,
    notes: [
      `target: 5,000 visits, after compaction, within ${TARGET}× of a fresh note: ${after <= TARGET ? "met" : "NOT met"} (${after.toFixed(2)}×)`,
      "compaction runs when the last socket leaves a note holding more than 200 client ids, with one node (several nodes: not yet; docs/PERFORMANCE.md)",
    ],
  };
};

export default bench;
