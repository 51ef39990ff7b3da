import * as Y from "yjs";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import type { Server } from "socket.io";
import { describe, expect, it } from "vitest";
import { setRealtimeServer } from "@/lib/realtime/hub";
import { registerTestDatabase } from "@/test/db";
import { createWorkshop, createWorkshopWithBlankNote } from "@/test/factories";
import { readAwarenessUpdate } from "./awareness";
import { COMPACT_AFTER_ROWS, NoteRoom, type RoomOutlet } from "./note-room";
import { loadNote } from "./note-store";
import { checkNoteUpdate } from "./validate-update";

/**
 * A damaged copy of `update` that passes every check yet throws half-way through being applied
 * on top of `state` (about one damaged update in forty does), found by seeded byte flips.
 */
function damagedCopy(update: Uint8Array, state: Uint8Array): Uint8Array {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const quiet = console.error;
  console.error = () => {};
  try {
    for (let attempt = 0; attempt < 100_000; attempt += 1) {
      const copy = Uint8Array.from(update);
      for (let flips = 1 + (attempt % 3); flips > 0; flips -= 1) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      if (!checkNoteUpdate(copy).ok) continue;
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, state);
      try {
        Y.applyUpdate(scratch, copy);
      } catch {
        return copy;
      }
    }
  } finally {
    console.error = quiet;
  }
  throw new Error("no damaged update found");
}

const prisma = registerTestDatabase();

interface Recorder extends RoomOutlet {
  updates: Uint8Array[];
  awarenessUpdates: { update: Uint8Array; except?: string }[];
}

function recorder(): Recorder {
  const updates: Uint8Array[] = [];
  const awarenessUpdates: { update: Uint8Array; except?: string }[] = [];
  return {
    updates,
    awarenessUpdates,
    update: (update) => updates.push(update),
    awareness: (update, except) => awarenessUpdates.push({ update, except }),
  };
}

/** An editor's document: a paragraph it types into, returning each change as an update. */
class Editor {
  readonly doc = new Y.Doc();
  private readonly text: Y.XmlText;
  /** What the server has of this editor's document; each change sends the rest. */
  private sent: Uint8Array;
  constructor(initial?: Uint8Array) {
    if (initial) Y.applyUpdate(this.doc, initial);
    this.sent = Y.encodeStateVector(this.doc);
    const fragment = this.doc.getXmlFragment("default");
    if (fragment.length === 0) {
      const paragraph = new Y.XmlElement("paragraph");
      fragment.insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText()]);
    }
    this.text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  }
  change(edit: (text: Y.XmlText) => void): Uint8Array {
    edit(this.text);
    const update = Y.encodeStateAsUpdate(this.doc, this.sent);
    this.sent = Y.encodeStateVector(this.doc);
    return update;
  }
  get content(): string {
    return this.text.toString();
  }
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getXmlFragment("default").toString();
}

describe("NoteRoom", () => {
  it("merges the updates of one tick into one stored row and one shared frame", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const outlet = recorder();
    const room = await NoteRoom.open(workshop.id, outlet);
    const editor = new Editor(room.syncFor(new Uint8Array([0])).update);
    const first = editor.change((text) => text.insert(0, "Mandates "));
    const second = editor.change((text) => text.insert(text.length, "were too broad."));

    const results = await Promise.all([room.receive(first), room.receive(second)]);

    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(outlet.updates).toHaveLength(1);
    const note = await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: workshop.id }, include: { updates: true } });
    expect(note.updates).toHaveLength(1);
    expect(Object.keys(note.updates[0]).sort()).toEqual(["createdAt", "id", "noteId", "seq", "update"]);
    expect(textOf((await loadNote(workshop.id)).state)).toContain("Mandates were too broad.");
    await room.close();
  });

  it("refuses an attribute set on an element it holds when that node type does not allow it", async () => {
    // Opened on its template, which has headings.
    const workshop = await createWorkshop();
    const outlet = recorder();
    const room = await NoteRoom.open(workshop.id, outlet);
    const client = new Y.Doc();
    Y.applyUpdate(client, room.syncFor(new Uint8Array([0])).update);
    const heading = client.getXmlFragment("default").toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === "heading") as Y.XmlElement;
    expect(heading).toBeDefined();
    const before = Y.encodeStateVector(client);
    // lessonId is an attribute of lessonRef, not of headings; alone, the update names no element.
    heading.setAttribute("lessonId", "c0000000000000000000000");
    const result = await room.receive(Y.encodeStateAsUpdate(client, before));
    expect(result).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(outlet.updates).toHaveLength(0);
    await room.close();
  });

  it("tells open lesson boards when the set of lessons in the note changes, and only then", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const frames: string[] = [];
    const io = { to: (room: string) => ({ emit: (event: string) => frames.push(`${room} ${event}`) }) };
    setRealtimeServer(io as unknown as Server);
    try {
      const room = await NoteRoom.open(workshop.id, recorder());
      const client = new Y.Doc();
      Y.applyUpdate(client, room.syncFor(new Uint8Array([0])).update);
      const send = async (edit: (fragment: Y.XmlFragment) => void) => {
        const before = Y.encodeStateVector(client);
        edit(client.getXmlFragment("default"));
        expect(await room.receive(Y.encodeStateAsUpdate(client, before))).toEqual({ ok: true });
        await room.saveNow();
      };
      await send((fragment) => {
        const paragraph = new Y.XmlElement("paragraph");
        fragment.insert(fragment.length, [paragraph]);
        paragraph.insert(0, [new Y.XmlText("No lesson here.")]);
      });
      expect(frames).toEqual([]);
      await send((fragment) => {
        const paragraph = new Y.XmlElement("paragraph");
        const reference = new Y.XmlElement("lessonRef");
        reference.setAttribute("lessonId", "c1111111111111111111111");
        fragment.insert(fragment.length, [paragraph]);
        paragraph.insert(0, [reference, new Y.XmlText(" mandates were too broad.")]);
      });
      expect(frames).toEqual([`workshop:${workshop.id} lessons:changed`]);
      await send((fragment) => (fragment.get(0) as Y.XmlElement).insert(0, [new Y.XmlText("Still none. ")]));
      expect(frames).toHaveLength(1);
      await room.close();
    } finally {
      setRealtimeServer(undefined);
    }
  });

  it("gives a late joiner what it lacks and keeps everything across reopening", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const room = await NoteRoom.open(workshop.id, recorder());
    const alice = new Editor(room.syncFor(new Uint8Array([0])).update);
    await room.receive(alice.change((text) => text.insert(0, "Lesson one.")));
    await room.close();

    const reopened = await NoteRoom.open(workshop.id, recorder());
    const bob = new Y.Doc();
    const sync = reopened.syncFor(Y.encodeStateVector(bob));
    Y.applyUpdate(bob, sync.update);
    expect(bob.getXmlFragment("default").toString()).toBe("<paragraph>Lesson one.</paragraph>");
    expect(Y.encodeStateVector(bob)).toEqual(sync.stateVector);
    await reopened.close();
  });

  it("compacts the log, and deleted text is gone from storage", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const room = await NoteRoom.open(workshop.id, recorder());
    const editor = new Editor(room.syncFor(new Uint8Array([0])).update);
    await room.receive(editor.change((text) => text.insert(0, "SECRET-DRAFT ")));
    await room.receive(editor.change((text) => text.delete(0, "SECRET-DRAFT ".length)));
    for (let index = 0; index < COMPACT_AFTER_ROWS; index += 1) {
      await room.receive(editor.change((text) => text.insert(text.length, "x")));
    }

    const note = await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: workshop.id }, include: { updates: true } });
    expect(note.updates.length).toBeLessThan(3);
    expect(note.yState).not.toBeNull();
    expect(Buffer.from(note.yState!).includes("SECRET-DRAFT")).toBe(false);
    expect(textOf((await loadNote(workshop.id)).state)).toContain("x".repeat(COMPACT_AFTER_ROWS));
    await room.close();
  });

  it("refuses an update that breaks half-way through being applied: nothing of it is kept, shared or stored", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const outlet = recorder();
    const room = await NoteRoom.open(workshop.id, outlet);
    const editor = new Editor(room.syncFor(new Uint8Array([0])).update);
    await room.receive(editor.change((text) => text.insert(0, "Hello world, this is the note.")));
    const good = editor.change((text) => text.insert(5, " there", { bold: {} }));
    const damaged = damagedCopy(good, Y.encodeStateAsUpdate(room.doc));

    const results = await Promise.all([room.receive(damaged), room.receive(good)]);

    expect(results).toEqual([{ ok: false, code: "BAD_REQUEST", message: expect.stringContaining("damaged") }, { ok: true }]);
    const expected = editor.doc.getXmlFragment("default").toString();
    expect(room.doc.getXmlFragment("default").toString()).toBe(expected);
    expect(outlet.updates).toHaveLength(2);
    await room.close();
    // The note opens again, whole: the damaged update never reached storage.
    expect(textOf((await loadNote(workshop.id)).state)).toBe(expected);
  });

  it("stores nothing from a refused update", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const room = await NoteRoom.open(workshop.id, recorder());
    const intruder = new Y.Doc();
    intruder.getXmlFragment("default").insert(0, [new Y.XmlElement("script")]);
    const result = await room.receive(Y.encodeStateAsUpdate(intruder));
    expect(result).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await prisma().meetingNoteUpdate.count({ where: { note: { workshopId: workshop.id } } })).toBe(0);
    await room.close();
  });

  it("shares carets rebuilt from the allowlist, only for the socket that introduced them", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const outlet = recorder();
    const room = await NoteRoom.open(workshop.id, outlet);
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { color: "#1d4ed8", name: "Canary Name", email: "canary@example.test" }, typing: true });

    const shared = room.receiveAwareness("socket-a", "user-a", encodeAwarenessUpdate(awareness, [doc.clientID]));

    expect(shared).not.toBeNull();
    expect(readAwarenessUpdate(shared!)).toEqual([{ clientId: doc.clientID, clock: expect.any(Number), state: { user: { color: "#1d4ed8" } } }]);
    expect(Buffer.from(shared!).includes("Canary")).toBe(false);
    expect(outlet.awarenessUpdates).toEqual([{ update: shared, except: "socket-a" }]);
    // Another socket cannot move or remove that caret.
    awareness.setLocalState({ user: { color: "#b91c1c" } });
    expect(room.receiveAwareness("socket-b", "user-b", encodeAwarenessUpdate(awareness, [doc.clientID]))).toBeNull();
    expect(room.awareness.getStates().get(doc.clientID)).toEqual({ user: { color: "#1d4ed8" } });
    // A colour outside the palette is dropped.
    awareness.setLocalState({ user: { color: "Canary Name" } });
    room.receiveAwareness("socket-a", "user-a", encodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(room.awareness.getStates().get(doc.clientID)).toEqual({});

    room.removeSocket("socket-a");
    expect(room.awareness.getStates().has(doc.clientID)).toBe(false);
    const removal = readAwarenessUpdate(outlet.awarenessUpdates.at(-1)!.update);
    expect(removal).toEqual([{ clientId: doc.clientID, clock: expect.any(Number), state: null }]);
    awareness.destroy();
    await room.close();
  });
});
