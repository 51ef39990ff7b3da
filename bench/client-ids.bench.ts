/**
 * What past visits cost (issue 14): every visit to the note is a fresh Yjs client id (right for
 * anonymity), and each id stays in the document. Measured: applying one small typing update to
 * a note that has had 0 to 5,000 visits (each visit typed a few characters), on the server's
 * side (Y.applyUpdate, as the room does), and the stored state's size. The target is 5,000
 * visits within 1.5× of a fresh note.
 */
import * as Y from "yjs";
import type { Bench, BenchRow } from "./run";

const UPDATES = 300;

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

function measure(visits: number): BenchRow {
  const state = noteAfterVisits(visits);
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
  return { visits, "client ids": Y.encodeStateVector(server).length > 0 ? Y.decodeStateVector(Y.encodeStateVector(server)).size : 0, "state KB": Number((state.byteLength / 1024).toFixed(1)), "apply µs/update": Math.round(perUpdate) };
}

const bench: Bench = async () => {
  const rows = [0, 100, 1_000, 3_000, 5_000].map(measure);
  const fresh = Number(rows[0]!["apply µs/update"]);
  for (const row of rows) row["÷ fresh"] = (Number(row["apply µs/update"]) / fresh).toFixed(1);
  return {
    title: "Applying a typing update to a note after N visits (one fresh Yjs client id each)",
    rows,
    notes: ["target: 5,000 visits within 1.5× of a fresh note (not met: compaction of client ids is designed, not built; see docs/PERFORMANCE.md)"],
  };
};

export default bench;
