import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { registerSocketServer } from "@/test/socket-server";
import { startChaosProxy } from "@/test/support/chaos-proxy";
import { addMember, createSession, createUser, createWorkshopWithBlankNote } from "@/test/factories";
import { createPrng, randomInt } from "@/lib/anchoring/testing";
import { findOpenNoteRoom } from "@/lib/notes/note-rooms";
import { loadNote } from "@/lib/notes/note-store";
import { NOTE_FRAGMENT } from "@/lib/notes/schema";
import type { NoteConnection as NoteConnectionClass, NoteConnectionState } from "@/components/note/note-connection";

// Issue 14: three browsers' NoteConnections type into one note through a proxy that delays every
// chunk and cuts connections at random; once the network is good again, every client, the
// server's room and the stored note hold the same document, byte for byte, with every edit in it.
// The clients are the browser's own NoteConnection: only the page's socket is pointed elsewhere
// (the proxy, with a session cookie), so reconnection, catch-up and resync are the real ones.

/** CHAOS_SEEDS=4,7 replays chosen seeds (the proxy's delays and cuts, the edits typed). */
const SEEDS = process.env.CHAOS_SEEDS ? process.env.CHAOS_SEEDS.split(",").map(Number) : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const CLIENTS = 3;
const CHAOS_MS = 1_500;
const CONVERGE_TIMEOUT_MS = 15_000;

/** Where the page's socket goes: socket.io-client's `io()` is called by the page without a URL. */
const target = vi.hoisted(() => ({ url: "", origin: "", cookie: "" }));
vi.mock("socket.io-client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("socket.io-client")>();
  const io = (options: Parameters<typeof actual.io>[1]) =>
    actual.io(target.url, {
      ...options,
      forceNew: true,
      extraHeaders: { cookie: target.cookie, origin: target.origin },
      // The browser waits about a second; the proxy cuts far more often than any real network.
      reconnectionDelay: 20,
      reconnectionDelayMax: 200,
    });
  return { ...actual, io, default: io };
});

registerTestDatabase();
const stops: (() => void)[] = [];
const server = registerSocketServer(() => stops.splice(0).forEach((stop) => stop()));

beforeAll(() => {
  // NoteConnection listens for the page being hidden; nothing hides here.
  vi.stubGlobal("window", { addEventListener: () => {}, removeEventListener: () => {} });
  // Yjs and the server report refused and damaged updates on the console; chaos makes many.
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

interface Client {
  connection: NoteConnectionClass;
  state: () => NoteConnectionState;
  /** Every update this client's own edits made, as the editor's document emitted them. */
  own: Uint8Array[];
  offline: () => number;
}

/**
 * A page with its own socket: the page module holds one shared socket, so each client loads its
 * own copy of the page's modules.
 */
async function openClient(workshopId: string): Promise<Client> {
  const user = await createUser();
  await addMember(workshopId, user.id, "PARTICIPANT");
  target.cookie = `next-auth.session-token=${await createSession(user.id)}`;
  vi.resetModules();
  const { NoteConnection } = await import("@/components/note/note-connection");
  let state: NoteConnectionState = { status: "connecting", error: null, errorCode: null, canEdit: false, synced: false, documentId: 0 };
  let offline = 0;
  const connection = new NoteConnection(workshopId, (next) => {
    if (next.status === "offline" && state.status !== "offline") offline += 1;
    state = next;
  });
  const own: Uint8Array[] = [];
  connection.doc.on("update", (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (transaction.local) own.push(update);
  });
  stops.push(connection.start());
  return { connection, state: () => state, own, offline: () => offline };
}

/** One keystroke's worth of change, as an editor makes it: new paragraphs, typing, deleting. */
function typeSomething(doc: Y.Doc, random: () => number): void {
  const fragment = doc.getXmlFragment(NOTE_FRAGMENT);
  const roll = random();
  if (!fragment.length || roll < 0.1) {
    const paragraph = new Y.XmlElement("paragraph");
    fragment.insert(randomInt(random, 0, fragment.length), [paragraph]);
    paragraph.insert(0, [new Y.XmlText("¶")]);
    return;
  }
  const block = fragment.get(randomInt(random, 0, fragment.length - 1)) as Y.XmlElement;
  if (roll < 0.13 && fragment.length > 1) return void fragment.delete(fragment.toArray().indexOf(block), 1);
  const text = block.get(0) as Y.XmlText;
  if (roll < 0.75 || text.length === 0) text.insert(randomInt(random, 0, text.length), "abcdefghij".slice(0, randomInt(random, 1, 4)));
  else {
    const at = randomInt(random, 0, text.length - 1);
    text.delete(at, Math.min(randomInt(random, 1, 3), text.length - at));
  }
}

async function until(condition: () => Promise<boolean> | boolean, describe: () => unknown, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(describe())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const vectorOf = (doc: Y.Doc) => [...Y.encodeStateVector(doc)];
const contentOf = (doc: Y.Doc) => doc.getXmlFragment(NOTE_FRAGMENT).toString();
const docOf = (...parts: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc;
};

describe("the note under a bad network", () => {
  it.each(SEEDS)("converges byte for byte with seed %i", async (seed) => {
    const { id } = await createWorkshopWithBlankNote();
    const { port } = new URL(server.url);
    const proxy = await startChaosProxy({ host: "127.0.0.1", port: Number(port) }, { seed, maxDelayMs: 30, lifetimeMs: [150, 900] });
    try {
      Object.assign(target, { url: proxy.url, origin: server.origin });
      const clients: Client[] = [];
      for (let index = 0; index < CLIENTS; index += 1) clients.push(await openClient(id));

      // The editor opens once the note has come (the first join, itself through the chaos); from
      // then on each client types at its own pace, whether its connection is up or not.
      const describeAll = () => ({ seed, cuts: proxy.cuts(), clients: clients.map((client) => ({ ...client.state(), vector: vectorOf(client.connection.doc) })) });
      await until(() => clients.every((client) => client.state().synced), describeAll, CONVERGE_TIMEOUT_MS);
      const random = createPrng(seed * 1_000 + 7);
      const end = Date.now() + CHAOS_MS;
      const typing = clients.map(async (client) => {
        while (Date.now() < end) {
          typeSomething(client.connection.doc, random);
          await new Promise((resolve) => setTimeout(resolve, randomInt(random, 10, 60)));
        }
      });
      await Promise.all(typing);
      proxy.calm();

      // Everyone reconnects and syncs: no change waits anywhere, every document equals the room's.
      const settled = async () => {
        const room = await findOpenNoteRoom(id);
        if (!room) return false;
        const roomDoc = docOf(room.syncFor(new Uint8Array([0])).update);
        return clients.every(
          (client) => client.state().status === "saved" && String(vectorOf(client.connection.doc)) === String(vectorOf(roomDoc)) && contentOf(client.connection.doc) === contentOf(roomDoc),
        );
      };
      await until(settled, describeAll, CONVERGE_TIMEOUT_MS);

      const roomState = (await findOpenNoteRoom(id))!.syncFor(new Uint8Array([0])).update;
      const roomDoc = docOf(roomState);
      const storedDoc = docOf((await loadNote(id)).state);
      // Every edit any client made, and nothing else, is in the note.
      const everyEdit = docOf(...clients.flatMap((client) => client.own));
      for (const doc of [...clients.map((client) => client.connection.doc), storedDoc, everyEdit]) {
        expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(roomDoc));
        expect(contentOf(doc)).toBe(contentOf(roomDoc));
        expect(Y.encodeStateAsUpdate(doc)).toEqual(roomState);
      }
      // The network was bad indeed: connections were cut and clients went offline and came back.
      expect(proxy.cuts()).toBeGreaterThan(0);
      expect(clients.some((client) => client.offline() > 0)).toBe(true);
      expect(clients.every((client) => client.own.length > 0)).toBe(true);
      expect(clients.every((client) => client.state().error === null)).toBe(true);
    } finally {
      stops.splice(0).forEach((stop) => stop());
      await proxy.close();
    }
  });
});
