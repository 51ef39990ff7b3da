import * as Y from "yjs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createWorkshopWithBlankNote } from "@/test/factories";
import { NoteRoom, type UpdateResult } from "./note-room";
import { loadNote } from "./note-store";

// Random edits on client documents, then updates damaged, truncated or never sent (so that later
// ones depend on what the server never had). Whatever the room accepts leaves its document
// without pending items, the frames it shares rebuild exactly its document, and storage holds it.

registerTestDatabase();

const ZStep = fc.record({
  client: fc.nat(2),
  edit: fc.constantFrom("insert", "delete", "paragraph"),
  at: fc.nat(),
  text: fc.string({ minLength: 1, maxLength: 6 }),
  delivery: fc.constantFrom("send", "send", "drop", "flip", "truncate", "catchup"),
  byte: fc.nat(),
  value: fc.nat(255),
  /** Whether the room flushes after this step, or merges it with the next ones into one frame. */
  flush: fc.boolean(),
});
type Step = typeof ZStep extends fc.Arbitrary<infer T> ? T : never;

function edit(doc: Y.Doc, step: Step): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment("default");
  const first = fragment.length ? ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText | undefined) : undefined;
  if (step.edit === "paragraph" || !first) {
    const paragraph = new Y.XmlElement("paragraph");
    fragment.insert(step.at % (fragment.length + 1), [paragraph]);
    paragraph.insert(0, [new Y.XmlText(step.text)]);
  } else if (step.edit === "insert" || first.length === 0) {
    first.insert(step.at % (first.length + 1), step.text);
  } else {
    const index = step.at % first.length;
    first.delete(index, Math.min(3, first.length - index));
  }
  return Y.encodeStateAsUpdate(doc, before);
}

function delivered(own: Uint8Array, step: Step, client: Y.Doc, server: Y.Doc): Uint8Array | null {
  switch (step.delivery) {
    case "drop":
      return null;
    case "flip": {
      const copy = Uint8Array.from(own);
      copy[step.byte % copy.length] = step.value;
      return copy;
    }
    case "truncate":
      return own.slice(0, step.byte % own.length);
    case "catchup":
      return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    default:
      return own;
  }
}

const describeDoc = (doc: Y.Doc) => ({ text: doc.getXmlFragment("default").toString(), vector: [...Y.encodeStateVector(doc)] });
const docFrom = (parts: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc;
};

describe("NoteRoom under fuzzed updates", () => {
  // Yjs reports some damaged updates on the console before they throw.
  beforeAll(() => void vi.spyOn(console, "error").mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  it("accepts only updates that leave no pending items; shared frames and storage equal the server's document", async () => {
    let refusedAsDamaged = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(ZStep, { minLength: 5, maxLength: 25 }), async (steps) => {
        const workshop = await createWorkshopWithBlankNote();
        const frames: Uint8Array[] = [];
        const room = await NoteRoom.open(workshop.id, { update: (update) => frames.push(update), awareness: () => {} });
        const initial = Y.encodeStateAsUpdate(room.doc);
        const clients = [0, 1, 2].map(() => docFrom([initial]));
        try {
          let batch: Promise<UpdateResult>[] = [];
          for (const [index, step] of steps.entries()) {
            const client = clients[step.client]!;
            const update = delivered(edit(client, step), step, client, room.doc);
            if (update) batch.push(room.receive(update));
            if (!step.flush && index < steps.length - 1) continue;
            const shared = frames.length;
            void room.flush();
            const results = await Promise.all(batch);
            batch = [];
            await room.idle();
            expect(room.doc.store.pendingStructs).toBeNull();
            expect(room.doc.store.pendingDs).toBeNull();
            refusedAsDamaged += results.filter((result) => !result.ok && result.message.includes("damaged")).length;
            if (!results.some((result) => result.ok)) {
              expect(frames).toHaveLength(shared);
              continue;
            }
            // One frame per flush, whatever the batch held.
            expect(frames).toHaveLength(shared + 1);
            const server = describeDoc(room.doc);
            // The frames shared so far rebuild exactly the server's document, with nothing pending.
            const mirror = docFrom([initial, ...frames]);
            expect(mirror.store.pendingStructs).toBeNull();
            expect(describeDoc(mirror)).toEqual(server);
            // A fresh client syncing from storage gets the same document.
            expect(describeDoc(docFrom([(await loadNote(workshop.id)).state]))).toEqual(server);
            for (const other of clients) for (const frame of frames.slice(shared)) Y.applyUpdate(other, frame);
          }
        } finally {
          await room.close();
        }
      }),
      { numRuns: 25 },
    );
    // The fuzz did reach the refusal it is about.
    expect(refusedAsDamaged).toBeGreaterThan(0);
  }, 240_000);
});
