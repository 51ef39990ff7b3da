import * as Y from "yjs";
import { logger } from "@/lib/logger";
import { notifyLessonsChanged } from "@/lib/realtime/hub";
import { RoomCarets } from "./room-carets";
import { processToken } from "./process-token";
import { RoomLease } from "./room-lease";
import { MAX_NOTE_BYTES } from "./schema";
import { appendNoteUpdate, contentOf, ensureNote, readNote, storeNoteContent, storeNoteSnapshot } from "./note-store";
import { referencedIds } from "./resolve-note";
import { checkNoteUpdate, type UpdateCheck } from "./validate-update";
import { generationBase, retireCrowdedGeneration } from "./note-generation";

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
const CLOSED = { ok: false as const, code: "UNAVAILABLE", message: "The note was just closed on the server; open it again to continue." };
const DAMAGED = { ok: false as const, code: "BAD_REQUEST", message: "This change is damaged and could not be applied; nothing of it was kept. Reload the page." };

/** The editor JSON kept for exports trails the document by at most this much. */
export const CONTENT_SAVE_DELAY_MS = 1_000;
/** Log rows after which the stored state is compacted. */
export const COMPACT_AFTER_ROWS = 100;

/** What a joining client is sent: a sync, or (its generation was retired) what it rebases with. */
export type JoinAnswer = ReturnType<NoteRoom["syncFor"]> & {
  generation: number;
  /** The generation the client is on (an older one when it rebases). */
  clientGeneration: number;
} & ({ rebase?: undefined } | { rebase: true; base: Uint8Array | null });

interface Pending {
  update: Uint8Array;
  settle: (result: UpdateResult) => void;
}

/** One workshop's note while someone has it open: the document, its awareness and its log. */
export class NoteRoom {
  /** Rebuilt from storage when an update breaks it, leaves pending items, or cannot be stored. */
  doc = new Y.Doc();
  private readonly carets: RoomCarets;
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private contentTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private bytes: number;
  private logLength: number;
  private closing: Promise<void> | null = null;
  /** The lessons the note referred to when last stored (as a sorted, space-joined key). */
  private lessonsInNote: string;
  /** The note's generation of Yjs client ids (./note-generation.ts). */
  generation: number;

  private constructor(
    readonly workshopId: string,
    private readonly noteId: string,
    /** Null when other nodes open rooms on the note too (see open()). */
    private readonly lease: RoomLease | null,
    stored: { state: Uint8Array; logLength: number; generation: number },
    private readonly outlet: RoomOutlet,
  ) {
    Y.applyUpdate(this.doc, stored.state);
    this.bytes = stored.state.byteLength;
    this.logLength = stored.logLength;
    this.generation = stored.generation;
    this.lessonsInNote = lessonKey(referencedIds(contentOf(this.doc).content).lessonIds);
    this.carets = new RoomCarets(this.doc, (update, exceptSocketId) => outlet.awareness(update, exceptSocketId));
  }

  /**
   * Takes the note's lease (NoteOpenElsewhereError when another process holds it), then loads
   * the note: what this room reads cannot be overwritten by another room meanwhile.
   * `leaseToken` names the process (tests stand in for a second process with their own).
   *
   * `exclusive: false` (several nodes behind a cross-node adapter) takes no lease: a client may
   * reach any node, so every node must open the note. Several rooms writing one note is safe:
   * each stores only what its own clients send (append-only rows, sequenced by the database;
   * compaction merges with what is stored under the row lock), and applies what the others
   * stored through applyRelayed, so the documents in memory converge too.
   */
  static async open(workshopId: string, outlet: RoomOutlet, options: { leaseToken?: string; exclusive?: boolean } = {}): Promise<NoteRoom> {
    const noteId = await ensureNote(workshopId);
    const lease = options.exclusive === false ? null : await RoomLease.take(noteId, options.leaseToken ?? processToken());
    const stored = await readNote(noteId).catch(async (error: unknown) => {
      await lease?.release();
      throw error;
    });
    const room = new NoteRoom(workshopId, noteId, lease, stored, outlet);
    // Brings the stored JSON up to date (the process may have stopped before saving it),
    // a moment later rather than in the first person's way.
    room.scheduleContentSave();
    return room;
  }

  /**
   * Lesson boards mark the lessons in the note ("In the note", read from the JSON copy): when the
   * set changes, open boards are told to fetch again.
   */
  private noticeLessons(lessonIds: string[]): void {
    const key = lessonKey(lessonIds);
    if (key !== this.lessonsInNote) notifyLessonsChanged(this.workshopId);
    this.lessonsInNote = key;
  }

  private scheduleContentSave(): void {
    this.contentTimer ??= setTimeout(() => void this.enqueue(() => this.saveContent()), CONTENT_SAVE_DELAY_MS);
  }

  /** Runs after the flushes and saves queued before it: one writer of storage at a time. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    this.flushing = this.flushing.then(task).catch((error) => logger.error("a note storage task failed", error));
    return this.flushing;
  }

  /** Saves the JSON copy now, after what is queued (versions and tests want it current). */
  saveNow(): Promise<void> {
    return this.enqueue(() => this.saveContent());
  }

  /** Settles once everything received so far is stored or refused, and the document whole. */
  idle(): Promise<void> {
    return this.flushing;
  }

  get isClosing(): boolean {
    return this.closing !== null;
  }

  /** False once another process took the note over (this one failed to renew in time). */
  get hasLease(): boolean {
    return this.lease?.isHeld ?? true;
  }

  private async saveContent(): Promise<void> {
    if (this.contentTimer) clearTimeout(this.contentTimer);
    this.contentTimer = null;
    try {
      // The JSON copy and plain text: under the lease this document holds everything stored;
      // without it (several nodes) from what is stored merged with this document.
      const { lessonIds } = this.lease
        ? await storeNoteContent(this.noteId, this.doc)
        : await storeNoteSnapshot(this.noteId, { roomState: Y.encodeStateAsUpdate(this.doc), compact: false });
      this.noticeLessons(lessonIds);
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
      awareness: this.carets.encodeAll(),
    };
  }

  /**
   * What a joining client is sent. A client on the current generation (or with an empty
   * document: a first join) syncs. One on an older generation (offline across a compaction; a
   * page from before generations existed says none and is on generation 0) is sent the final
   * state of its generation as `base` (null when retention deleted it) and the whole current
   * state: it rebases its offline edits onto the current generation (lib/notes/rebase-note.ts).
   *
   * The base is the note as it was then: it goes only to a page whose document holds one of that
   * generation's client ids (random, known only to pages that had the document), so that someone
   * who joined later cannot read past text by naming an old generation.
   */
  async joinFor(stateVector: Uint8Array, generation: number | undefined): Promise<JoinAnswer> {
    const clients = Y.decodeStateVector(stateVector);
    const clientGeneration = clients.size === 0 ? this.generation : (generation ?? 0);
    if (clientGeneration === this.generation) return { ...this.syncFor(stateVector), generation: this.generation, clientGeneration };
    const stored = await generationBase(this.noteId, clientGeneration);
    const hadIt = stored !== null && [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(stored)).keys()].some((client) => clients.has(client));
    const base = hadIt ? stored : null;
    return { ...this.syncFor(new Uint8Array([0])), generation: this.generation, clientGeneration, rebase: true, base };
  }

  /** Checks an update and queues it; resolves once it is stored (or refused). */
  receive(update: Uint8Array): Promise<UpdateResult> {
    if (this.closing) return Promise.resolve(CLOSED);
    if (!this.hasLease) return Promise.resolve(UNAVAILABLE);
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

  /**
   * Stores, applies and shares what arrived since the last flush; flushes run one at a time. The
   * batch is taken when the flush runs, not when it is asked for: while one is storing, what
   * arrives meanwhile waits and goes out together in the next (one row, one frame), so a busy
   * note makes fewer, larger writes instead of a growing queue of small ones.
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.enqueue(() => {
      const batch = this.pending;
      this.pending = [];
      return this.persist(batch).catch((error) => {
        // The chain must survive: a failed flush may not stop the ones after it.
        logger.error("a note flush failed", error);
        batch.forEach((item) => item.settle(UNAVAILABLE));
      });
    });
  }

  /**
   * Applies each update to the document first: some damaged updates pass every check, then
   * throw half-way through being applied, or apply but leave items the document cannot place
   * (pending structs or deletes, referring to items the server never had). Those are refused and
   * the document is rebuilt from storage, so nothing of them is stored, shared or kept. Then the
   * rest is stored and shared (apply, then store, then acknowledge).
   */
  private async persist(batch: Pending[]): Promise<void> {
    if (!batch.length) return;
    const accepted = await this.applyAll(batch);
    if (!accepted.length) return;
    let merged: Uint8Array;
    try {
      merged = accepted.length === 1 ? accepted[0]!.update : Y.mergeUpdates(accepted.map((item) => item.update));
      await appendNoteUpdate(this.noteId, merged);
    } catch (error) {
      logger.error("storing a note update failed", error);
      // Back to what is stored; the clients' catch-up sends these changes again.
      await this.rebuild();
      accepted.forEach((item) => item.settle(UNAVAILABLE));
      return;
    }
    this.logLength += 1;
    this.bytes += merged.byteLength;
    this.outlet.update(merged);
    accepted.forEach((item) => item.settle({ ok: true }));
    this.scheduleContentSave();
    if (this.logLength >= COMPACT_AFTER_ROWS) await this.compact();
  }

  /**
   * An update another node stored (and already sent to everyone in the room, this node's clients
   * included): applied to the document only, never stored or sent again. Queued behind storage
   * tasks, so that it cannot land in a document that a rebuild is about to replace. A room still
   * loading gets it once loaded (./note-rooms.ts); one already holding it is unchanged (Yjs).
   */
  applyRelayed(update: Uint8Array): Promise<void> {
    if (this.closing) return Promise.resolve();
    return this.enqueue(async () => {
      // Relays from different nodes may arrive out of order: what is stored is whole.
      if (!appliesCleanly(this.doc, update, "relay")) await this.rebuild();
    });
  }

  /**
   * Applies the batch's updates in order; returns those that applied cleanly. At the first that
   * does not, the document (as stored, since the batch is not yet) is rebuilt and the batch
   * applied again without it.
   *
   * An update that leaves items the document cannot place may build on a change another node
   * stored and relayed, which its client received before this node did: it is tried once more
   * on the document rebuilt from storage (which holds everything shared) before it is refused.
   */
  private async applyAll(batch: Pending[], retried = new Set<Pending>()): Promise<Pending[]> {
    for (const [index, item] of batch.entries()) {
      // Attributes set on elements the room already holds are checked against their node type
      // only now (receive() could check them against the union of all nodes' attributes only).
      const check = checkNoteUpdate(item.update, this.doc);
      if (!check.ok) {
        item.settle(check);
        return this.applyAll(batch.filter((_, other) => other !== index));
      }
      if (appliesCleanly(this.doc, item.update)) continue;
      // Answered once the document is whole again (joins wait for that too: ./note-handlers).
      await this.rebuild();
      if (!this.lease && !retried.has(item)) return this.applyAll(batch, retried.add(item));
      item.settle(DAMAGED);
      return this.applyAll(batch.filter((_, other) => other !== index), retried);
    }
    return batch;
  }

  /** The document as stored (state and log), replacing the one in memory. */
  private async rebuild(): Promise<void> {
    const stored = await readNote(this.noteId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state);
    this.doc = doc;
    this.bytes = stored.state.byteLength;
    this.logLength = stored.logLength;
    this.generation = stored.generation;
  }

  /** Folds the log into the stored state, merged with what is stored (./note-store.ts). */
  private async compact(): Promise<void> {
    try {
      const { bytes, lessonIds } = await storeNoteSnapshot(this.noteId, { roomState: Y.encodeStateAsUpdate(this.doc), compact: true });
      this.bytes = bytes;
      this.logLength = 0;
      this.noticeLessons(lessonIds);
    } catch (error) {
      // The log still holds everything; compaction is tried again after the next update.
      logger.error("compacting a note failed", error);
    }
  }

  /**
   * A new generation of client ids if the document holds too many, once the last socket has
   * left (./note-generation.ts, retireCrowdedGeneration; never without a lease). True when it
   * started one (everything is stored then, JSON copy included).
   */
  private async retireGeneration(): Promise<boolean> {
    const result = await retireCrowdedGeneration(this.noteId, this.doc, this.lease, this.generation);
    if (!result.retired) return false;
    this.generation = result.generation;
    this.logLength = 0;
    this.bytes = result.bytes;
    return true;
  }

  /** The carets' awareness (what the room holds of them). */
  get awareness() {
    return this.carets.awareness;
  }

  /** A client's caret update, rebuilt from the allowlist (./room-carets.ts); what was shared, if anything. */
  receiveAwareness(socketId: string, userId: string, update: Uint8Array): Uint8Array | null {
    return this.carets.receive(socketId, userId, update);
  }

  /** Removes a socket's carets and tells the others they are gone. */
  removeSocket(socketId: string): void {
    this.carets.removeSocket(socketId);
  }

  /**
   * Stores what is pending and folds the log, before the room is dropped from memory. Once:
   * a server shutting down and its last socket leaving may both ask.
   */
  close({ lastSocketLeft = false }: { lastSocketLeft?: boolean } = {}): Promise<void> {
    this.closing ??= this.store(lastSocketLeft);
    return this.closing;
  }

  /**
   * `lastSocketLeft`: nobody has the note open, so a new generation may start (a server shutting
   * down with people still in the note does not: they would all have to rebase on reconnecting).
   */
  private async store(lastSocketLeft: boolean): Promise<void> {
    try {
      await this.flush();
      // Compaction writes the JSON copy too; without log rows, only the copy is saved.
      await this.enqueue(async () => {
        if (lastSocketLeft && (await this.retireGeneration())) return;
        await (this.logLength > 0 ? this.compact() : this.saveContent());
      });
    } finally {
      if (this.contentTimer) clearTimeout(this.contentTimer);
      this.contentTimer = null;
      await this.lease?.release().catch((error) => logger.error("releasing a note room lease failed", error));
      this.carets.destroy();
      this.doc.destroy();
    }
  }
}

const lessonKey = (lessonIds: string[]) => [...lessonIds].sort().join(" ");

/** Applies an update; false if it throws or leaves items the document cannot place. */
function appliesCleanly(doc: Y.Doc, update: Uint8Array, origin = "clients"): boolean {
  try {
    Y.applyUpdate(doc, update, origin);
  } catch {
    return false;
  }
  return doc.store.pendingStructs === null && doc.store.pendingDs === null;
}

