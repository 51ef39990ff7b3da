import { afterEach, describe, expect, it, vi } from "vitest";
import { type Socket as ClientSocket } from "socket.io-client";
import * as Y from "yjs";
import { registerTestDatabase } from "@/test/db";
import { connectMember, registerSocketServer } from "@/test/socket-server";
import { createWorkshopWithBlankNote } from "@/test/factories";
import { loadNote } from "@/lib/notes/note-store";
import { accessChanged } from "./hub";

// The access lookup before an update reaches its room takes varying time (a lookup after an
// access change waits on the database). Here the first update's lookup is made the slow one:
// the update after it, which builds on it, must still reach the room second.
const lookups = vi.hoisted(() => ({ count: 0, slowCall: 0, release: null as (() => void) | null }));
vi.mock("@/lib/notes/note-access", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/notes/note-access")>();
  return {
    ...real,
    findNoteAccess: async (...args: Parameters<typeof real.findNoteAccess>) => {
      const call = (lookups.count += 1);
      const access = await real.findNoteAccess(...args);
      if (call === lookups.slowCall) await new Promise<void>((resolve) => (lookups.release = resolve));
      return access;
    },
  };
});

registerTestDatabase();
const sockets: ClientSocket[] = [];
const server = registerSocketServer(() => sockets.forEach((socket) => socket.disconnect()));
afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));

async function editor(workshopId: string): Promise<ClientSocket> {
  return (await connectMember(server, workshopId, sockets)).socket;
}

function edit(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc.getXmlFragment("default"));
  return Y.encodeStateAsUpdate(doc, before);
}

describe("note:update", () => {
  it("reaches the room in the order the page sent it, however long the checks before the room take", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const socket = await editor(id);
    const doc = new Y.Doc();
    const joined = await socket.timeout(5000).emitWithAck("note:join", { workshopId: id, stateVector: Y.encodeStateVector(doc) });
    expect(joined).toMatchObject({ ok: true });
    Y.applyUpdate(doc, new Uint8Array(joined.update));

    // An access change: the next updates look access up again; the first of them slowly.
    accessChanged(id);
    lookups.slowCall = lookups.count + 1;
    const paragraph = new Y.XmlElement("paragraph");
    const first = edit(doc, (fragment) => {
      fragment.push([paragraph]);
      paragraph.insert(0, [new Y.XmlText("Mandates were")]);
    });
    const second = edit(doc, () => (paragraph.get(0) as Y.XmlText).insert(13, " too broad."));
    const firstAck = socket.timeout(5000).emitWithAck("note:update", { workshopId: id, update: first });
    const secondAck = socket.timeout(5000).emitWithAck("note:update", { workshopId: id, update: second });
    // The first's lookup is held; the second has time to overtake it (a bounded wait: an
    // overtaking update reaches the room and is flushed within it), then the first goes on.
    await vi.waitFor(() => expect(lookups.release).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 300));
    lookups.release!();

    expect(await firstAck).toEqual({ ok: true });
    expect(await secondAck).toEqual({ ok: true });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadNote(id)).state);
    expect(stored.getXmlFragment("default").toString()).toContain("Mandates were too broad.");
  });
});
