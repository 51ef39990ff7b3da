"use client";

import * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { acquireSocket, subscribeToWorkshop, type RealtimeSocket } from "@/components/realtime/connect";
import { CARET_COLORS } from "@/lib/notes/schema";
import { rebaseNote } from "@/lib/notes/rebase-note";

export type NoteStatus = "connecting" | "saved" | "saving" | "offline" | "error";

export interface NoteConnectionState {
  status: NoteStatus;
  /** The server's words when it refused something. */
  error: string | null;
  /** The refusal's code, for the page to say it in the reader's language when it knows it (messages: note.errors). */
  errorCode: string | null;
  canEdit: boolean;
  /** The first sync is done: the document holds the note. */
  synced: boolean;
  /** Counts the documents this connection has had: the editor binds anew when it changes (a rebase). */
  documentId: number;
}

/** Marks changes that came from the server, so they are not sent back. */
const REMOTE = Symbol("remote");
/** Keystrokes are gathered for this long and sent as one update. */
const SEND_DELAY_MS = 100;
/** Caret moves are sent at most this often (fast typing moves the caret at every key). */
const AWARENESS_DELAY_MS = 100;
const RETRY_DELAY_MS = 2_000;
/** Refusals that pass: syncing again later resends whatever the server lacks. */
const PASSING_FAILURES = new Set(["UNAVAILABLE", "RATE_LIMITED"]);
/** An update that only says "nothing changed" (no structs, empty delete set). */
const EMPTY_UPDATE_BYTES = 2;

/**
 * The note's Yjs document kept in sync with the server over the page's socket. The document is
 * created with the page and never stored in the browser, so every visit gets a fresh Yjs client
 * number: edits of one visit cannot be linked to those of another.
 */
export class NoteConnection {
  /** Replaced (with its awareness) when the page rebases onto a new generation of the note. */
  doc = new Y.Doc();
  awareness = new Awareness(this.doc);
  /**
   * The note's generation of client ids this document is on (lib/notes/note-generation.ts);
   * null before the first join.
   */
  private generation: number | null = null;
  /** This visit's caret colour, drawn at random: it tells carets apart without standing for anyone. */
  readonly caretColor = CARET_COLORS[Math.floor(Math.random() * CARET_COLORS.length)];
  private state: NoteConnectionState = { status: "connecting", error: null, errorCode: null, canEdit: false, synced: false, documentId: 0 };
  private socket: RealtimeSocket | null = null;
  private joined = false;
  /** A change was refused for a passing reason: the rest waits for the re-sync that resends it all. */
  private resyncing = false;
  private pending: Uint8Array[] = [];
  private inFlight = 0;
  /**
   * Counts connections: socket.io drops the acknowledgements a cut connection still owed, so what
   * was in flight then is forgotten (the re-join's catch-up resends whatever the server lacks).
   */
  private connectionCount = 0;
  private sendTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly workshopId: string,
    private readonly onState: (state: NoteConnectionState) => void,
  ) {}

  private set(patch: Partial<NoteConnectionState>): void {
    this.state = { ...this.state, ...patch };
    this.onState(this.state);
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) this.queue(update);
  };

  private readonly onLocalAwareness = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === REMOTE) return;
    const mine = [...changes.added, ...changes.updated, ...changes.removed].includes(this.awareness.clientID);
    if (mine) this.awarenessTimer ??= setTimeout(() => this.sendAwareness(), AWARENESS_DELAY_MS);
  };

  /** Connects and keeps the document in sync; returns the function that disconnects. */
  start(): () => void {
    const { socket, release } = acquireSocket();
    this.socket = socket;
    const onUnload = () => removeAwarenessStates(this.awareness, [this.awareness.clientID], "unload");

    const unsubscribe = subscribeToWorkshop(this.workshopId, {
      connect: () => this.join(),
      disconnect: () => {
        this.joined = false;
        this.connectionCount += 1;
        this.inFlight = 0;
        this.set({ status: "offline" });
      },
      "note:update": (payload) => {
        if (payload.workshopId === this.workshopId) Y.applyUpdate(this.doc, new Uint8Array(payload.update), REMOTE);
      },
      "note:awareness": (payload) => {
        if (payload.workshopId === this.workshopId) applyAwarenessUpdate(this.awareness, new Uint8Array(payload.update), REMOTE);
      },
      // Closing or reopening the workshop changes who may edit: the join answer says it anew.
      "workshop:changed": (payload) => {
        if (payload.workshopId === this.workshopId && this.joined) this.join();
      },
      // So do signing the note off, reopening it, and the "participants edit the note" setting.
      "note:status": (payload) => {
        if (payload.workshopId === this.workshopId && this.joined) this.join();
      },
    });
    this.doc.on("update", this.onLocalUpdate);
    this.awareness.on("update", this.onLocalAwareness);
    window.addEventListener("pagehide", onUnload);
    if (socket.connected) this.join();

    return () => {
      window.removeEventListener("pagehide", onUnload);
      if (this.sendTimer) clearTimeout(this.sendTimer);
      if (this.retryTimer) clearTimeout(this.retryTimer);
      if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
      if (this.joined) {
        this.flush();
        socket.emit("note:leave", { workshopId: this.workshopId });
      }
      unsubscribe();
      this.doc.off("update", this.onLocalUpdate);
      this.awareness.off("update", this.onLocalAwareness);
      // The awareness has a timer; the document is left to the garbage collector, since the
      // editor bound to it may be torn down after this.
      this.awareness.destroy();
      release();
    };
  }

  /**
   * Exchanges what each side lacks: the server answers with its missing part, and this side
   * sends everything the server does not have (also whatever was typed while offline).
   */
  private join(): void {
    const socket = this.socket;
    if (!socket) return;
    const generation = this.generation ?? undefined;
    socket.emit("note:join", { workshopId: this.workshopId, stateVector: Y.encodeStateVector(this.doc), generation }, (response) => {
      if (!response.ok) return this.set({ status: "error", error: response.message, errorCode: response.code });
      if (response.rebase) return this.rebase(response.base ?? null, new Uint8Array(response.update), response.generation);
      this.generation = response.generation;
      Y.applyUpdate(this.doc, new Uint8Array(response.update), REMOTE);
      applyAwarenessUpdate(this.awareness, new Uint8Array(response.awareness), REMOTE);
      this.joined = true;
      this.resyncing = false;
      // The catch-up below carries everything queued so far.
      this.pending = [];
      const missing = Y.encodeStateAsUpdate(this.doc, new Uint8Array(response.stateVector));
      const hasUnsent = missing.byteLength > EMPTY_UPDATE_BYTES;
      // Read-only now (signed off, say) with words the server refused: the refusal stays shown,
      // since this page holds text the note does not. A reopening sends them below.
      const keepsRefusal = !response.canEdit && hasUnsent && this.state.status === "error";
      this.set({ canEdit: response.canEdit, synced: true, ...(keepsRefusal ? {} : { status: "saved" as const, error: null, errorCode: null }) });
      if (response.canEdit && hasUnsent) this.send(missing);
      this.sendAwareness();
    });
  }

  /**
   * This page's document belongs to a retired generation (it was offline across a compaction):
   * its offline edits are made afresh on a new document holding the current generation
   * (lib/notes/rebase-note.ts), which replaces this one, and the page joins again on the new
   * generation; that join's catch-up sends the edits. Until then nothing is sent (the server
   * would refuse it: STALE_GENERATION).
   */
  private rebase(base: Uint8Array | null, current: Uint8Array, generation: number): void {
    this.joined = false;
    if (!base) {
      // The server answers a generation whose base is gone with a refusal (note-handlers.ts).
      return this.set({ status: "error", error: "The note was compacted while this page was offline; copy your text before reloading.", errorCode: "GENERATION_GONE" });
    }
    let rebased: Y.Doc;
    try {
      rebased = rebaseNote({ mine: this.doc, base: new Uint8Array(base), current }).doc;
    } catch {
      // This page keeps its document and its text on screen, to be copied.
      return this.set({ status: "error", error: "Your offline changes could not be merged into the note; copy them before reloading.", errorCode: "REBASE_FAILED" });
    }
    this.switchTo(rebased, generation);
    this.join();
  }

  /** Binds the connection (and, through documentId, the editor) to another document. */
  private switchTo(doc: Y.Doc, generation: number): void {
    this.doc.off("update", this.onLocalUpdate);
    this.awareness.off("update", this.onLocalAwareness);
    // The old document's caret leaves (the new document has a new client id, hence a new caret).
    const old = this.awareness;
    old.destroy();
    this.socket?.emit("note:awareness", { workshopId: this.workshopId, update: encodeAwarenessUpdate(old, [old.clientID]) });
    this.doc = doc;
    this.awareness = new Awareness(doc);
    this.doc.on("update", this.onLocalUpdate);
    this.awareness.on("update", this.onLocalAwareness);
    this.generation = generation;
    // The rebased edits are in the document; the next join's catch-up sends them.
    this.pending = [];
    this.set({ documentId: this.state.documentId + 1 });
  }

  private queue(update: Uint8Array): void {
    this.pending.push(update);
    if (!this.joined) return; // sent by the catch-up when the connection returns
    this.set({ status: "saving" });
    this.sendTimer ??= setTimeout(() => this.flush(), SEND_DELAY_MS);
  }

  private flush(): void {
    if (this.sendTimer) clearTimeout(this.sendTimer);
    this.sendTimer = null;
    if (!this.joined || this.resyncing || !this.pending.length) return;
    const update = this.pending.length === 1 ? this.pending[0] : Y.mergeUpdates(this.pending);
    this.pending = [];
    this.send(update);
  }

  private send(update: Uint8Array): void {
    const socket = this.socket;
    if (!socket) return;
    this.inFlight += 1;
    this.set({ status: "saving" });
    const connection = this.connectionCount;
    socket.emit("note:update", { workshopId: this.workshopId, update }, (response) => {
      if (connection !== this.connectionCount) return;
      this.inFlight -= 1;
      if (!response.ok) {
        // Changes sent after one the server could not take build on it, so the server refuses
        // them as damaged: the coming re-sync resends them all, and those refusals say nothing.
        if (this.resyncing && response.code === "BAD_REQUEST") return;
        // This page's document is of a retired generation: joining again rebases it (the
        // refused change is part of the document, so nothing of it is lost).
        if (response.code === "STALE_GENERATION") {
          if (!this.resyncing) {
            this.resyncing = true;
            this.join();
          }
          return;
        }
        if (!PASSING_FAILURES.has(response.code)) return this.set({ status: "error", error: response.message, errorCode: response.code });
        // Storage busy or too fast: hold further changes and sync again shortly, which resends
        // everything the server lacks in one go.
        this.resyncing = true;
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.join(), RETRY_DELAY_MS);
        return;
      }
      if (this.inFlight === 0 && !this.pending.length && this.state.status !== "error") this.set({ status: "saved" });
    });
  }

  private sendAwareness(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    if (!this.joined || !this.socket) return;
    const update = encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]);
    this.socket.emit("note:awareness", { workshopId: this.workshopId, update });
  }
}
