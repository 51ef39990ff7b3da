import * as Y from "yjs";
import { describe, expect, it, vi } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createWorkshopWithBlankNote } from "@/test/factories";
import { NoteRoom, type RoomOutlet } from "./note-room";
import { NoteRooms } from "./note-rooms";
import { appendNoteUpdate, loadNote, storeNoteSnapshot } from "./note-store";
import { NoteOpenElsewhereError, ROOM_LEASE_RENEW_MS } from "./room-lease";

// Storage that several writers can share: numbers from the database, compaction and the JSON
// copy merged under the row lock, and one room per note across processes (the lease).

const prisma = registerTestDatabase();
const silent: RoomOutlet = { update: () => {}, awareness: () => {} };

/** An update adding a paragraph with `text` on top of `state`. */
function paragraphAfter(state: Uint8Array, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment("default").push([paragraph]);
  paragraph.insert(0, [new Y.XmlText(text)]);
  return Y.encodeStateAsUpdate(doc, before);
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getXmlFragment("default").toString();
}

const noteOf = (workshopId: string) => prisma().meetingNote.findUniqueOrThrow({ where: { workshopId }, include: { updates: { orderBy: { seq: "asc" } } } });

describe("log sequence numbers", () => {
  it("come from the database: concurrent appends never collide, and numbers continue after compaction", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const { noteId, state } = await loadNote(workshop.id);
    const seqs = await Promise.all(Array.from({ length: 8 }, (_, index) => appendNoteUpdate(noteId, paragraphAfter(state, `Line ${index}`))));
    expect([...seqs].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await storeNoteSnapshot(noteId, { compact: true });
    expect((await noteOf(workshop.id)).updates).toHaveLength(0);
    expect(await appendNoteUpdate(noteId, paragraphAfter(state, "After compaction"))).toBe(9);
    expect((await noteOf(workshop.id)).lastSeq).toBe(9);
  });

  it("a room takes its numbers from the database, not from what it loaded", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const room = await NoteRoom.open(workshop.id, silent);
    const { noteId, state } = await loadNote(workshop.id);
    // Another writer (restore, say) appends while the room is open.
    await appendNoteUpdate(noteId, paragraphAfter(state, "Written beside the room"));
    expect(await room.receive(paragraphAfter(Y.encodeStateAsUpdate(room.doc), "Through the room"))).toEqual({ ok: true });
    expect((await noteOf(workshop.id)).updates.map((row) => row.seq)).toEqual([1, 2]);
    await room.close();
    expect(textOf((await loadNote(workshop.id)).state)).toContain("Written beside the room");
  });
});

describe("compaction and the JSON copy", () => {
  it("merge with what is stored and delete only the rows they folded", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const room = await NoteRoom.open(workshop.id, silent);
    expect(await room.receive(paragraphAfter(Y.encodeStateAsUpdate(room.doc), "Mandates were too broad."))).toEqual({ ok: true });
    const { noteId, state } = await loadNote(workshop.id);
    // A row the room never saw, written by another writer just before the room compacts.
    await appendNoteUpdate(noteId, paragraphAfter(state, "Stored by another writer."));
    await room.close();

    const note = await noteOf(workshop.id);
    expect(note.updates).toHaveLength(0);
    expect(textOf(note.yState!)).toContain("Stored by another writer.");
    expect(textOf(note.yState!)).toContain("Mandates were too broad.");
    expect(note.plainText.split("\n").sort()).toEqual(["Mandates were too broad.", "Stored by another writer."]);
    expect(JSON.stringify(note.content)).toContain("Stored by another writer.");
  });

  it("keeps a row appended while the compaction waits for the lock", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const { noteId, state } = await loadNote(workshop.id);
    await appendNoteUpdate(noteId, paragraphAfter(state, "Folded."));
    const db = prisma();
    // Holds the row lock, so that the compaction below reads the log only after the append.
    let releaseLock!: () => void;
    const locked = new Promise<void>((resolve) => (releaseLock = resolve));
    let lockTaken!: () => void;
    const taken = new Promise<void>((resolve) => (lockTaken = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "MeetingNote" WHERE "id" = ${noteId} FOR UPDATE`;
      lockTaken();
      await locked;
      await tx.$executeRaw`UPDATE "MeetingNote" SET "plainText" = 'held' WHERE "id" = ${noteId}`;
    });
    await taken;
    const compaction = storeNoteSnapshot(noteId, { compact: true });
    const append = appendNoteUpdate(noteId, paragraphAfter(state, "Appended meanwhile."));
    releaseLock();
    await Promise.all([holder, compaction, append]);

    const stored = textOf((await loadNote(workshop.id)).state);
    expect(stored).toContain("Folded.");
    expect(stored).toContain("Appended meanwhile.");
  });
});

describe("a note stored with items it cannot place (before rooms refused them)", () => {
  it("opens without them, takes edits again, and is stored clean", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const { noteId, state } = await loadNote(workshop.id);
    await appendNoteUpdate(noteId, paragraphAfter(state, "Kept text."));
    // An update building on one that was never stored: what older rooms kept as pending items.
    const elsewhere = new Y.Doc();
    const unsent = paragraphAfter(Y.encodeStateAsUpdate(elsewhere), "Never stored.");
    Y.applyUpdate(elsewhere, unsent);
    await appendNoteUpdate(noteId, paragraphAfter(Y.encodeStateAsUpdate(elsewhere), "Dangling."));

    const room = await NoteRoom.open(workshop.id, silent);
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(room.doc.getXmlFragment("default").toString()).toBe("<paragraph>Kept text.</paragraph>");
    expect(await room.receive(paragraphAfter(Y.encodeStateAsUpdate(room.doc), "Edited again."))).toEqual({ ok: true });
    await room.close();

    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await noteOf(workshop.id)).yState!);
    expect(stored.store.pendingStructs).toBeNull();
    expect(stored.getXmlFragment("default").toString()).toBe("<paragraph>Kept text.</paragraph><paragraph>Edited again.</paragraph>");
  });
});

describe("the room lease", () => {
  it("refuses a second process while the first holds the note, and lets it open once the first closed", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const first = await NoteRoom.open(workshop.id, silent, { leaseToken: "process-a" });
    await expect(NoteRoom.open(workshop.id, silent, { leaseToken: "process-b" })).rejects.toBeInstanceOf(NoteOpenElsewhereError);
    expect(await first.receive(paragraphAfter(Y.encodeStateAsUpdate(first.doc), "Acknowledged through A"))).toEqual({ ok: true });
    await first.close();
    expect((await noteOf(workshop.id)).roomLeaseToken).toBeNull();

    const second = await NoteRoom.open(workshop.id, silent, { leaseToken: "process-b" });
    expect(second.doc.getXmlFragment("default").toString()).toContain("Acknowledged through A");
    expect(await second.receive(paragraphAfter(Y.encodeStateAsUpdate(second.doc), "Acknowledged through B"))).toEqual({ ok: true });
    await second.close();
    // Both acknowledged edits survive (two rooms at once used to keep only the last one's).
    const stored = textOf((await loadNote(workshop.id)).state);
    expect(stored).toContain("Acknowledged through A");
    expect(stored).toContain("Acknowledged through B");
  });

  it("takes over an expired lease (a process that died), and holds it with a lease that runs ahead", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const { noteId } = await loadNote(workshop.id);
    await prisma().meetingNote.update({ where: { id: noteId }, data: { roomLeaseToken: "process-dead", roomLeaseUntil: new Date(Date.now() - 1000) } });
    const room = await NoteRoom.open(workshop.id, silent, { leaseToken: "process-b" });
    const note = await noteOf(workshop.id);
    expect(note.roomLeaseToken).toBe("process-b");
    expect(note.roomLeaseUntil!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    await room.close();
  });

  it("renews the lease while open; a room whose lease was taken over refuses changes and new arrivals", async () => {
    const workshop = await createWorkshopWithBlankNote();
    // Only the renewal timer is faked; the database's own timers run as usual.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const rooms = new NoteRooms(() => silent);
    try {
      const room = await rooms.enter(workshop.id, "socket-1");
      const { noteId } = await loadNote(workshop.id);
      const soon = new Date(Date.now() + 1000);
      await prisma().meetingNote.update({ where: { id: noteId }, data: { roomLeaseUntil: soon } });
      vi.advanceTimersByTime(ROOM_LEASE_RENEW_MS);
      await vi.waitFor(async () => expect((await noteOf(workshop.id)).roomLeaseUntil!.getTime()).toBeGreaterThan(soon.getTime() + 20_000));

      // The lease expired and another process took it (this one stalled): the renewal sees that.
      await prisma().meetingNote.update({ where: { id: noteId }, data: { roomLeaseToken: "process-b", roomLeaseUntil: new Date(Date.now() + 30_000) } });
      vi.advanceTimersByTime(ROOM_LEASE_RENEW_MS);
      await vi.waitFor(async () => expect(await room.receive(paragraphAfter(Y.encodeStateAsUpdate(room.doc), "Too late"))).toMatchObject({ ok: false, code: "UNAVAILABLE" }));
      await expect(rooms.enter(workshop.id, "socket-2")).rejects.toBeInstanceOf(NoteOpenElsewhereError);
      await rooms.leave(workshop.id, "socket-1");
      // Closing does not free a lease that is no longer this room's.
      expect((await noteOf(workshop.id)).roomLeaseToken).toBe("process-b");
      expect((await noteOf(workshop.id)).updates).toHaveLength(0);
    } finally {
      await rooms.closeAll();
      vi.useRealTimers();
    }
  });
});
