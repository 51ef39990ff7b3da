import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { registerSocketServer } from "@/test/socket-server";
import { addMember, createSession, createUser, createWorkshopWithBlankNote } from "@/test/factories";
import { generationSettings } from "@/lib/notes/note-generation";
import { loadNote } from "@/lib/notes/note-store";
import { NOTE_FRAGMENT } from "@/lib/notes/schema";
import type { NoteConnection as NoteConnectionClass, NoteConnectionState } from "@/components/note/note-connection";

// Generations end to end with the browser's own NoteConnection (as note-convergence.test.ts runs
// it): a page cut off while the note's last other socket leaves comes back after the compaction,
// rebases, binds a new document, and its offline paragraph reaches a page of the new generation.

const target = vi.hoisted(() => ({ url: "", origin: "", cookie: "" }));
vi.mock("socket.io-client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("socket.io-client")>();
  const io = (options: Parameters<typeof actual.io>[1]) => actual.io(target.url, { ...options, forceNew: true, extraHeaders: { cookie: target.cookie, origin: target.origin } });
  return { ...actual, io, default: io };
});

const prisma = registerTestDatabase();
const stops: (() => void)[] = [];
const server = registerSocketServer(() => stops.splice(0).forEach((stop) => stop()));

beforeAll(() => {
  vi.stubGlobal("window", { addEventListener: () => {}, removeEventListener: () => {} });
  generationSettings.compactAboveClientIds = 2;
});
afterAll(() => {
  vi.unstubAllGlobals();
  generationSettings.compactAboveClientIds = 200;
});

interface Page {
  connection: NoteConnectionClass;
  state: () => NoteConnectionState;
  stop: () => void;
}

/** A page with its own socket (its own copy of the page's modules, which share one socket). */
async function openPage(workshopId: string): Promise<Page> {
  const user = await createUser();
  await addMember(workshopId, user.id, "PARTICIPANT");
  Object.assign(target, { url: server.url, origin: server.origin, cookie: `next-auth.session-token=${await createSession(user.id)}` });
  vi.resetModules();
  const { NoteConnection } = await import("@/components/note/note-connection");
  let state: NoteConnectionState | null = null;
  const connection = new NoteConnection(workshopId, (next) => (state = next));
  const stop = connection.start();
  stops.push(stop);
  await until(() => state?.synced === true, "the page to sync");
  return { connection, state: () => state!, stop };
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function type(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  const fragment = doc.getXmlFragment(NOTE_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
  paragraph.insert(0, [new Y.XmlText(text)]);
}
const texts = (doc: Y.Doc) => doc.getXmlFragment(NOTE_FRAGMENT).toArray().map((block) => (block as Y.XmlElement).toArray().map(String).join(""));
const socketOf = (page: Page) => (page.connection as unknown as { socket: { connect(): void; disconnect(): void } }).socket;
const generationOf = async (workshopId: string) => (await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId } })).generation;

describe("a page offline across a compaction", () => {
  it("rebases by itself when it reconnects: its offline text reaches the new generation, nothing is lost", async () => {
    const { id } = await createWorkshopWithBlankNote();
    const away = await openPage(id);
    type(away.connection.doc, "Written before.");
    await until(() => away.state().status === "saved", "the first paragraph saved");
    for (const text of ["Second visit.", "Third visit."]) {
      const visit = await openPage(id);
      type(visit.connection.doc, text);
      await until(() => visit.state().status === "saved", `${text} saved`);
      visit.stop();
    }
    const firstDoc = away.connection.doc;
    socketOf(away).disconnect();
    type(away.connection.doc, "Written offline.");
    await until(async () => (await generationOf(id)) === 1, "the new generation");

    const since = await openPage(id);
    type(since.connection.doc, "Written since.");
    await until(() => since.state().status === "saved", "the new generation's paragraph saved");

    socketOf(away).connect();
    await until(() => away.state().documentId === 1 && away.state().status === "saved", "the rebase");
    expect(away.connection.doc).not.toBe(firstDoc);
    await until(() => texts(since.connection.doc).includes("Written offline."), "the offline paragraph at the other page");
    const expected = ["Written before.", "Second visit.", "Third visit.", "Written offline.", "Written since."];
    expect(texts(since.connection.doc)).toEqual(expect.arrayContaining(expected));
    expect(texts(since.connection.doc)).toHaveLength(expected.length);
    expect(texts(away.connection.doc)).toEqual(texts(since.connection.doc));
    expect(away.state().error).toBeNull();
    // Stored too, and the new generation's document holds few client ids.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadNote(id)).state);
    expect(texts(stored)).toEqual(texts(since.connection.doc));
    expect(Y.decodeStateVector(Y.encodeStateVector(stored)).size).toBeLessThanOrEqual(3);
    stops.splice(0).forEach((stop) => stop());
  });
});
