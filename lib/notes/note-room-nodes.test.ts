import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createWorkshopWithBlankNote } from "@/test/factories";
import { NoteRoom, type RoomOutlet } from "./note-room";
import { NoteRooms } from "./note-rooms";
import { loadNote } from "./note-store";
import { NOTE_FRAGMENT } from "./schema";

// Rooms of two nodes on one note (no lease, as with a cross-node adapter), in one process: what
// each stores, what each applies from the other, and the orders in which relays can arrive.
// test/several-nodes.postgres.test.ts runs the same with two real processes.

const prisma = registerTestDatabase();

function recorder(): RoomOutlet & { updates: Uint8Array[] } {
  const updates: Uint8Array[] = [];
  return { updates, update: (update) => updates.push(update), awareness: () => {} };
}

function addParagraph(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment(NOTE_FRAGMENT).push([paragraph]);
  paragraph.insert(0, [new Y.XmlText(text)]);
  return Y.encodeStateAsUpdate(doc, before);
}

const text = (doc: Y.Doc) => doc.getXmlFragment(NOTE_FRAGMENT).toString();
const logRows = async (workshopId: string) => (await loadNote(workshopId)).logLength;

describe("note rooms on several nodes", () => {
  it("open side by side, store only their own clients' updates, and apply relayed ones without storing them", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const [outletA, outletB] = [recorder(), recorder()];
    const roomA = await NoteRoom.open(workshop.id, outletA, { exclusive: false });
    const roomB = await NoteRoom.open(workshop.id, outletB, { exclusive: false });
    const client = new Y.Doc();

    expect(await roomA.receive(addParagraph(client, "from a client of node A"))).toEqual({ ok: true });
    expect(await logRows(workshop.id)).toBe(1);
    await roomB.applyRelayed(outletA.updates[0]!);
    await roomB.applyRelayed(outletA.updates[0]!); // a relay repeated changes nothing
    expect(text(roomB.doc)).toBe(text(client));
    expect(outletB.updates).toHaveLength(0);
    expect(await logRows(workshop.id)).toBe(1);

    await Promise.all([roomA.close(), roomB.close()]);
    expect((await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: workshop.id } })).roomLeaseToken).toBeNull();
  });

  it("accepts an update built on another node's change that its client saw before this node's relay", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const roomA = await NoteRoom.open(workshop.id, recorder(), { exclusive: false });
    const roomB = await NoteRoom.open(workshop.id, recorder(), { exclusive: false });
    const client = new Y.Doc();
    expect(await roomA.receive(addParagraph(client, "first, on node A"))).toEqual({ ok: true });
    // The client got A's frame through the adapter and typed on; node B has not had the relay yet.
    expect(await roomB.receive(addParagraph(client, "then, on node B"))).toEqual({ ok: true });
    expect(text(roomB.doc)).toBe(text(client));

    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadNote(workshop.id)).state);
    expect(text(stored)).toBe(text(client));
    await Promise.all([roomA.close(), roomB.close()]);
  });

  it("applies relays that arrive out of order, and relays that arrive while the room loads", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const outletA = recorder();
    const roomA = await NoteRoom.open(workshop.id, outletA, { exclusive: false });
    const roomsB = new NoteRooms(() => recorder(), { exclusive: false });
    const roomB = await roomsB.enter(workshop.id, "socket-1");
    const client = new Y.Doc();
    expect(await roomA.receive(addParagraph(client, "one"))).toEqual({ ok: true });
    expect(await roomA.receive(addParagraph(client, "two"))).toEqual({ ok: true });

    // The second before the first (relays from two nodes may cross): B catches up from storage.
    roomsB.applyRelayed(workshop.id, outletA.updates[1]!);
    roomsB.applyRelayed(workshop.id, outletA.updates[0]!);
    await until(() => text(roomB.doc) === text(client));
    await roomB.idle();
    expect(roomB.doc.store.pendingStructs).toBeNull();

    const roomsC = new NoteRooms(() => recorder(), { exclusive: false });
    const entering = roomsC.enter(workshop.id, "socket-2");
    expect(await roomA.receive(addParagraph(client, "three"))).toEqual({ ok: true });
    roomsC.applyRelayed(workshop.id, outletA.updates[2]!);
    const roomC = await entering;
    await until(() => text(roomC.doc) === text(client));

    await roomA.close();
    await Promise.all([roomsB.closeAll(), roomsC.closeAll()]);
  });
});

/** Relays are applied in the room's storage queue, a moment after they are handed over. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
