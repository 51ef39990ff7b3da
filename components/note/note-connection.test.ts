import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readAwarenessUpdate } from "@/lib/notes/awareness";
import type { NoteConnectionState } from "./note-connection";

/** What the page's socket was asked to send, with the acknowledgement the test gives back. */
interface Sent {
  event: string;
  payload: { workshopId: string; update?: Uint8Array; stateVector?: Uint8Array; generation?: number };
  answer: (response: Record<string, unknown>) => void;
}

const sent: Sent[] = [];
/** The page socket's events as the connection listens to them (connect, disconnect…). */
let listeners: Record<string, (...args: unknown[]) => void> = {};
const socket = {
  connected: true,
  emit: (event: string, payload: Sent["payload"], answer?: Sent["answer"]) => sent.push({ event, payload, answer: answer ?? (() => {}) }),
};

vi.mock("@/components/realtime/connect", () => ({
  acquireSocket: () => ({ socket, release: () => {} }),
  subscribeToWorkshop: (_workshopId: string, given: typeof listeners) => ((listeners = given), () => {}),
}));

const { NoteConnection } = await import("./note-connection");

/** The server's side: a document that takes what the test lets through. */
const server = new Y.Doc();

function joinAnswer(stateVector: Uint8Array) {
  return { ok: true, canEdit: true, update: Y.encodeStateAsUpdate(server, stateVector), stateVector: Y.encodeStateVector(server), awareness: new Uint8Array([0]), generation: 0 };
}

function type(doc: Y.Doc, text: string) {
  const fragment = doc.getXmlFragment("default");
  const paragraph = new Y.XmlElement("paragraph");
  fragment.insert(fragment.length, [paragraph]);
  paragraph.insert(0, [new Y.XmlText(text)]);
}

const updates = () => sent.filter((item) => item.event === "note:update");
const joins = () => sent.filter((item) => item.event === "note:join");

describe("NoteConnection after a change the server could not take yet", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("window", { addEventListener: () => {}, removeEventListener: () => {} });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    sent.length = 0;
  });

  it("holds later changes, resyncs once, sends them all, and never shows the damaged refusals of what was in flight", async () => {
    const states: NoteConnectionState[] = [];
    const connection = new NoteConnection("w1", (state) => states.push(state));
    const stop = connection.start();
    joins()[0]!.answer(joinAnswer(joins()[0]!.payload.stateVector!));

    type(connection.doc, "First.");
    await vi.advanceTimersByTimeAsync(150);
    type(connection.doc, "Second.");
    await vi.advanceTimersByTimeAsync(150);
    expect(updates()).toHaveLength(2);
    // The first is refused for a passing reason; the second built on it, so it is "damaged".
    updates()[0]!.answer({ ok: false, code: "RATE_LIMITED", message: "Too fast." });
    updates()[1]!.answer({ ok: false, code: "BAD_REQUEST", message: "This change is damaged." });
    type(connection.doc, "Third.");
    await vi.advanceTimersByTimeAsync(500);
    // Held until the re-sync.
    expect(updates()).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(2_000);
    expect(joins()).toHaveLength(2);
    joins()[1]!.answer(joinAnswer(joins()[1]!.payload.stateVector!));
    expect(updates()).toHaveLength(3);
    Y.applyUpdate(server, updates()[2]!.payload.update!);
    updates()[2]!.answer({ ok: true });
    expect(server.getXmlFragment("default").toString()).toBe(connection.doc.getXmlFragment("default").toString());
    expect(server.getXmlFragment("default").toString()).toContain("Third.");
    expect(states.some((state) => state.status === "error")).toBe(false);
    expect(states.at(-1)).toMatchObject({ status: "saved", error: null });
    stop();
  });

  it("says saved again after a cut connection swallowed the acknowledgement of what was in flight", async () => {
    const states: NoteConnectionState[] = [];
    const connection = new NoteConnection("w1", (state) => states.push(state));
    const stop = connection.start();
    joins()[0]!.answer(joinAnswer(joins()[0]!.payload.stateVector!));
    type(connection.doc, "Lost on the way.");
    await vi.advanceTimersByTimeAsync(150);
    expect(updates()).toHaveLength(1);
    // The connection is cut: socket.io forgets the pending acknowledgement, none ever comes.
    listeners.disconnect!();
    expect(states.at(-1)).toMatchObject({ status: "offline" });
    listeners.connect!();
    joins()[1]!.answer(joinAnswer(joins()[1]!.payload.stateVector!));
    expect(updates()).toHaveLength(2);
    Y.applyUpdate(server, updates()[1]!.payload.update!);
    updates()[1]!.answer({ ok: true });
    expect(server.getXmlFragment("default").toString()).toContain("Lost on the way.");
    expect(states.at(-1)).toMatchObject({ status: "saved", error: null });
    stop();
  });

  it("still shows a refusal that is not a passing one", async () => {
    const states: NoteConnectionState[] = [];
    const connection = new NoteConnection("w1", (state) => states.push(state));
    const stop = connection.start();
    joins()[0]!.answer(joinAnswer(joins()[0]!.payload.stateVector!));
    type(connection.doc, "Refused.");
    await vi.advanceTimersByTimeAsync(150);
    updates()[0]!.answer({ ok: false, code: "FORBIDDEN", message: "You can read this note but not change it." });
    expect(states.at(-1)).toMatchObject({ status: "error", error: "You can read this note but not change it." });
    stop();
  });
});

describe("NoteConnection on a note whose generation was retired while it was offline", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("window", { addEventListener: () => {}, removeEventListener: () => {} });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    sent.length = 0;
  });

  const texts = (doc: Y.Doc) => doc.getXmlFragment("default").toArray().map((block) => (block as Y.XmlElement).toArray().map(String).join(""));

  it("rebases its offline edits onto the new generation, switches documents, and joins again to send them", async () => {
    const old = new Y.Doc();
    type(old, "Agreed points.");
    const states: NoteConnectionState[] = [];
    const connection = new NoteConnection("w1", (state) => states.push(state));
    const stop = connection.start();
    const firstJoin = joins()[0]!;
    expect(firstJoin.payload.generation).toBeUndefined();
    firstJoin.answer({ ok: true, canEdit: true, update: Y.encodeStateAsUpdate(old), stateVector: Y.encodeStateVector(old), awareness: new Uint8Array([0]), generation: 0 });
    const firstDoc = connection.doc;

    // Offline: the page types; meanwhile the server retires generation 0 (same text, new ids)
    // and someone adds a paragraph in generation 1.
    listeners.disconnect!();
    type(connection.doc, "Typed offline.");
    const base = Y.encodeStateAsUpdate(old);
    const current = new Y.Doc();
    type(current, "Agreed points.");
    type(current, "Written since.");

    listeners.connect!();
    const rejoin = joins()[1]!;
    expect(rejoin.payload.generation).toBe(0);
    rejoin.answer({ ok: true, canEdit: true, rebase: true, generation: 1, base, update: Y.encodeStateAsUpdate(current), stateVector: Y.encodeStateVector(current), awareness: new Uint8Array([0]) });

    // A new document (the editor binds anew to it), and a join on generation 1; nothing sent yet.
    expect(connection.doc).not.toBe(firstDoc);
    expect(connection.awareness.doc).toBe(connection.doc);
    // The old caret is said to be gone (a null state for the old client id).
    const left = sent.filter((item) => item.event === "note:awareness").at(-1)!;
    expect(readAwarenessUpdate(left.payload.update!)).toEqual([expect.objectContaining({ clientId: firstDoc.clientID, state: null })]);
    expect(states.at(-1)!.documentId).toBe(1);
    expect(updates()).toHaveLength(0);
    const third = joins()[2]!;
    expect(third.payload.generation).toBe(1);
    third.answer({ ok: true, canEdit: true, update: Y.encodeStateAsUpdate(current, third.payload.stateVector!), stateVector: Y.encodeStateVector(current), awareness: new Uint8Array([0]), generation: 1 });
    expect(updates()).toHaveLength(1);
    Y.applyUpdate(current, updates()[0]!.payload.update!);
    expect(current.store.pendingStructs).toBeNull();
    // Both inserted after the same block: the page's insertion comes first (lib/notes/block-merge.ts).
    expect(texts(current)).toEqual(["Agreed points.", "Typed offline.", "Written since."]);
    expect(texts(connection.doc)).toEqual(texts(current));
    expect(states.at(-1)).toMatchObject({ status: "saving" });
    updates()[0]!.answer({ ok: true });
    expect(states.at(-1)).toMatchObject({ status: "saved", error: null });

    // Typing in the new document is sent as usual.
    type(connection.doc, "After the rebase.");
    await vi.advanceTimersByTimeAsync(150);
    expect(updates()).toHaveLength(2);
    stop();
  });

  it("joins again (which rebases) when an update is refused as of a retired generation, without showing an error", async () => {
    const states: NoteConnectionState[] = [];
    const connection = new NoteConnection("w1", (state) => states.push(state));
    const stop = connection.start();
    joins()[0]!.answer(joinAnswer(joins()[0]!.payload.stateVector!));
    type(connection.doc, "Refused as stale.");
    await vi.advanceTimersByTimeAsync(150);
    updates()[0]!.answer({ ok: false, code: "STALE_GENERATION", message: "The note was compacted." });
    expect(joins()).toHaveLength(2);
    expect(joins()[1]!.payload.generation).toBe(0);
    expect(states.some((state) => state.status === "error")).toBe(false);
    stop();
  });

  it("keeps its document and says so when the server can no longer rebase it", () => {
    const states: NoteConnectionState[] = [];
    const connection = new NoteConnection("w1", (state) => states.push(state));
    const stop = connection.start();
    joins()[0]!.answer({ ok: false, code: "GENERATION_GONE", message: "Copy your text before reloading." });
    expect(states.at(-1)).toMatchObject({ status: "error", errorCode: "GENERATION_GONE", documentId: 0 });
    stop();
  });
});
