import * as Y from "yjs";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { logger } from "@/lib/logger";
import { readAwarenessUpdate, writeAwarenessUpdate, type AwarenessEntry } from "./awareness";
import { MAX_NOTE_BYTES, NOTE_FRAGMENT } from "./schema";
import { appendNoteUpdate, compactNote, loadNote, saveNoteContent } from "./note-store";
import { checkNoteUpdate, type UpdateCheck } from "./validate-update";

export type UpdateResult = { ok: true } | { ok: false; code: string; message: string };

/** How a room reaches the people in it; the socket layer provides it. */
export interface RoomOutlet {
  /** A merged update, to everyone in the room (the senders ignore what they already have). */
  update(update: Uint8Array): void;
  /** An awareness update, to everyone in the room but the socket it came from. */
  awareness(update: Uint8Array, exceptSocketId?: string): void;
}

/**
 * Updates arriving within one tick are merged, stored as one log row and sent as one frame:
 * fewer writes and messages, and the rhythm of each person's typing is blurred.
 */
export const FLUSH_INTERVAL_MS = 50;
const UNAVAILABLE = { ok: false as const, code: "UNAVAILABLE", message: "Your last change could not be saved yet; it will be sent again." };
const DAMAGED = { ok: false as const, code: "BAD_REQUEST", message: "This change is damaged and could not be applied; nothing of it was kept. Reload the page." };

/** Editors on one page: one is the norm; a few leave room for more. */
const MAX_CARETS_PER_SOCKET = 4;
/** The editor JSON kept for exports trails the document by at most this much. */
export const CONTENT_SAVE_DELAY_MS = 1_000;
/** Log rows after which the stored state is compacted. */
export const COMPACT_AFTER_ROWS = 100;

interface Pending {
  update: Uint8Array;
  settle: (result: UpdateResult) => void;
}

/** One workshop's note while someone has it open: the document, its awareness and its log. */
export class NoteRoom {
  /** Replaced (rebuilt from storage) when an update breaks it half-way or cannot be stored. */
  doc = new Y.Doc();
  readonly awareness: Awareness;
  /**
   * Which socket (and person) speaks for each awareness client, in memory only and never
   * logged or stored: needed to remove a socket's carets when it leaves, and to keep others
   * from moving them. Ownership stays with the person across reconnections.
   */
  private readonly owners = new Map<number, { socketId: string; userId: string }>();
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private contentTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private bytes: number;
  private logLength: number;
  private lastSeq: number;

  private constructor(
    readonly workshopId: string,
    private readonly noteId: string,
    stored: { state: Uint8Array; logLength: number; lastSeq: number },
    private readonly outlet: RoomOutlet,
  ) {
    Y.applyUpdate(this.doc, stored.state);
    this.bytes = stored.state.byteLength;
    this.logLength = stored.logLength;
    this.lastSeq = stored.lastSeq;
    this.awareness = new Awareness(this.doc);
    // The server is no participant: it holds others' states and has none of its own.
    this.awareness.setLocalState(null);
  }

  static async open(workshopId: string, outlet: RoomOutlet): Promise<NoteRoom> {
    const stored = await loadNote(workshopId);
    const room = new NoteRoom(workshopId, stored.noteId, stored, outlet);
    // Brings the stored JSON up to date (the process may have stopped before saving it),
    // a moment later rather than in the first person's way.
    room.scheduleContentSave();
    return room;
  }

  private scheduleContentSave(): void {
    this.contentTimer ??= setTimeout(() => void this.saveContent(), CONTENT_SAVE_DELAY_MS);
  }

  private async saveContent(): Promise<void> {
    if (this.contentTimer) clearTimeout(this.contentTimer);
    this.contentTimer = null;
    try {
      // The note as editor JSON (a `doc` node), which exports read.
      await saveNoteContent(this.noteId, yXmlFragmentToProsemirrorJSON(this.doc.getXmlFragment(NOTE_FRAGMENT)));
    } catch (error) {
      // The Yjs state is stored; only the export copy is behind until the next save.
      logger.error("saving a note's content failed", error);
    }
  }

  /** What a joining client lacks, given its state vector, and what the server has. */
  syncFor(stateVector: Uint8Array): { update: Uint8Array; stateVector: Uint8Array; awareness: Uint8Array } {
    return {
      update: Y.encodeStateAsUpdate(this.doc, stateVector),
      stateVector: Y.encodeStateVector(this.doc),
      awareness: encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
    };
  }

  /** Checks an update and queues it; resolves once it is stored (or refused). */
  receive(update: Uint8Array): Promise<UpdateResult> {
    const check: UpdateCheck = checkNoteUpdate(update);
    if (!check.ok) return Promise.resolve(check);
    if (this.bytes + update.byteLength > MAX_NOTE_BYTES) {
      return Promise.resolve({
        ok: false,
        code: "PAYLOAD_TOO_LARGE",
        message: `The note has reached its size limit (${MAX_NOTE_BYTES / 1024 / 1024} MB); remove something before adding more.`,
      });
    }
    return new Promise((settle) => {
      this.pending.push({ update, settle });
      this.timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS);
    });
  }

  /** Stores, applies and shares what arrived since the last flush; flushes run one at a time. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing
      .then(() => this.persist(batch))
      .catch((error) => {
        // The chain must survive: a failed flush may not stop the ones after it.
        logger.error("a note flush failed", error);
        batch.forEach((item) => item.settle(UNAVAILABLE));
      });
    return this.flushing;
  }

  /**
   * Applies each update to the document first: some damaged updates pass every check, then
   * throw half-way through being applied. Those are refused and the document is rebuilt from
   * storage, so nothing of them is stored, shared or kept. Then the rest is stored and shared.
   */
  private async persist(batch: Pending[]): Promise<void> {
    if (!batch.length) return;
    const accepted = await this.applyAll(batch);
    if (!accepted.length) return;
    let merged: Uint8Array;
    try {
      merged = accepted.length === 1 ? accepted[0]!.update : Y.mergeUpdates(accepted.map((item) => item.update));
      await appendNoteUpdate(this.noteId, this.lastSeq + 1, merged);
    } catch (error) {
      logger.error("storing a note update failed", error);
      // Back to what is stored; the clients' catch-up sends these changes again.
      await this.rebuild();
      accepted.forEach((item) => item.settle(UNAVAILABLE));
      return;
    }
    this.lastSeq += 1;
    this.logLength += 1;
    this.bytes += merged.byteLength;
    this.outlet.update(merged);
    accepted.forEach((item) => item.settle({ ok: true }));
    this.scheduleContentSave();
    if (this.logLength >= COMPACT_AFTER_ROWS) await this.compact();
  }

  /** Applies the batch's updates one by one; returns those that applied cleanly. */
  private async applyAll(batch: Pending[]): Promise<Pending[]> {
    const accepted: Pending[] = [];
    let broken = false;
    for (const item of batch) {
      try {
        Y.applyUpdate(this.doc, item.update, "clients");
        accepted.push(item);
      } catch {
        broken = true;
        item.settle(DAMAGED);
      }
    }
    if (!broken) return accepted;
    // The failed update may have changed the document before throwing: start again from what is
    // stored, with only the updates that applied cleanly.
    await this.rebuild();
    const again: Pending[] = [];
    for (const item of accepted) {
      try {
        Y.applyUpdate(this.doc, item.update, "clients");
        again.push(item);
      } catch {
        item.settle(DAMAGED);
        await this.rebuild();
        return this.applyAll(again);
      }
    }
    return again;
  }

  /** The document as stored (state and log), replacing the one in memory. */
  private async rebuild(): Promise<void> {
    const stored = await loadNote(this.workshopId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state);
    this.doc = doc;
    this.bytes = stored.state.byteLength;
    this.logLength = stored.logLength;
    this.lastSeq = stored.lastSeq;
  }

  private async compact(): Promise<void> {
    const state = Y.encodeStateAsUpdate(this.doc);
    try {
      await compactNote(this.noteId, state, this.lastSeq);
      this.logLength = 0;
      this.bytes = state.byteLength;
    } catch (error) {
      // The log still holds everything; compaction is tried again after the next update.
      logger.error("compacting a note failed", error);
    }
  }

  /**
   * Applies a client's awareness update after rebuilding it from the allowlist. A socket may
   * speak only for the awareness clients it introduced; returns what was shared, if anything.
   */
  receiveAwareness(socketId: string, userId: string, update: Uint8Array): Uint8Array | null {
    const entries = readAwarenessUpdate(update).filter((entry) => this.claim(socketId, userId, entry));
    if (!entries.length) return null;
    const cleaned = writeAwarenessUpdate(entries);
    applyAwarenessUpdate(this.awareness, cleaned, socketId);
    this.outlet.awareness(cleaned, socketId);
    return cleaned;
  }

  private claim(socketId: string, userId: string, entry: AwarenessEntry): boolean {
    const owner = this.owners.get(entry.clientId);
    if (owner && owner.userId !== userId) return false;
    if (!owner) {
      const owned = [...this.owners.values()].filter((other) => other.socketId === socketId).length;
      if (owned >= MAX_CARETS_PER_SOCKET) return false;
    }
    // The same person on a new connection (the page reconnected) takes their caret along.
    this.owners.set(entry.clientId, { socketId, userId });
    return true;
  }

  /** Removes a socket's carets and tells the others they are gone. */
  removeSocket(socketId: string): void {
    const clients = [...this.owners].filter(([, owner]) => owner.socketId === socketId).map(([clientId]) => clientId);
    const present = clients.filter((clientId) => this.awareness.getStates().has(clientId));
    if (!present.length) return;
    removeAwarenessStates(this.awareness, present, "left");
    this.outlet.awareness(encodeAwarenessUpdate(this.awareness, present));
  }

  private closing: Promise<void> | null = null;

  /**
   * Stores what is pending and folds the log, before the room is dropped from memory. Once:
   * a server shutting down and its last socket leaving may both ask.
   */
  close(): Promise<void> {
    this.closing ??= this.store();
    return this.closing;
  }

  private async store(): Promise<void> {
    await this.flush();
    await this.saveContent();
    if (this.logLength > 0) await this.compact();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
