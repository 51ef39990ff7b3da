import { logger } from "@/lib/logger";
import { NoteRoom, type RoomOutlet } from "./note-room";
import { NoteOpenElsewhereError } from "./room-lease";

interface Entry {
  room: Promise<NoteRoom>;
  sockets: Set<string>;
}

// Every registry of this process (one per socket.io server), on globalThis because the custom
// server and Next's server bundle each load this module: route handlers find the open rooms here.
const holder = globalThis as typeof globalThis & { __rapporteurNoteRooms?: Set<NoteRooms> };
const registries = (holder.__rapporteurNoteRooms ??= new Set());

/**
 * The note's room if it is open (or opening) in this process, so that a change made outside the
 * editor (restore, reopen) goes through it and reaches every editor. Null when it is not open
 * here, failed to open, or is closing.
 */
export async function findOpenNoteRoom(workshopId: string): Promise<NoteRoom | null> {
  for (const rooms of registries) {
    const room = await rooms.openRoom(workshopId);
    if (room) return room;
  }
  return null;
}

/**
 * The notes open on this server: a room is loaded when its first socket arrives and stored and
 * dropped when its last one leaves. One registry per socket.io server.
 */
export class NoteRooms {
  private readonly entries = new Map<string, Entry>();
  /** Rooms being stored after their last socket left; a new arrival waits for that first. */
  private readonly closing = new Map<string, Promise<void>>();

  /** `exclusive: false`: other nodes open rooms on the same notes (NoteRoom.open). */
  constructor(
    private readonly outletFor: (workshopId: string) => RoomOutlet,
    private readonly options: { exclusive?: boolean } = {},
  ) {
    registries.add(this);
  }

  /** Enters the note's room, opening it if needed (NoteOpenElsewhereError: open on another process). */
  async enter(workshopId: string, socketId: string): Promise<NoteRoom> {
    await this.closing.get(workshopId);
    let entry = this.entries.get(workshopId);
    if (!entry) {
      const room = NoteRoom.open(workshopId, this.outletFor(workshopId), { exclusive: this.options.exclusive });
      const opened: Entry = { room, sockets: new Set() };
      entry = opened;
      this.entries.set(workshopId, opened);
      room.catch(() => {
        if (this.entries.get(workshopId) === opened) this.entries.delete(workshopId);
      });
    }
    entry.sockets.add(socketId);
    try {
      const room = await entry.room;
      // Another process holds the note now: this room only serves out the sockets it has.
      if (!room.hasLease) throw new NoteOpenElsewhereError();
      return room;
    } catch (error) {
      entry.sockets.delete(socketId);
      throw error;
    }
  }

  /**
   * An update another node stored, for the room if it is open or still loading here (then it is
   * applied once loaded: the load may have read storage just before the update was stored).
   * Without a room nothing is needed: the next one to open reads it from storage.
   */
  applyRelayed(workshopId: string, update: Uint8Array): void {
    const entry = this.entries.get(workshopId);
    if (!entry) return;
    void entry.room.then(
      (room) => room.applyRelayed(update),
      () => {},
    );
  }

  /** The room, if this socket has entered it. */
  async roomFor(workshopId: string, socketId: string): Promise<NoteRoom | null> {
    const entry = this.entries.get(workshopId);
    if (!entry?.sockets.has(socketId)) return null;
    return entry.room;
  }

  /** The room if it is open or opening here and not closing. */
  async openRoom(workshopId: string): Promise<NoteRoom | null> {
    const room = await this.entries.get(workshopId)?.room.catch(() => null);
    return room && !room.isClosing ? room : null;
  }

  async leave(workshopId: string, socketId: string): Promise<void> {
    const entry = this.entries.get(workshopId);
    if (!entry?.sockets.delete(socketId)) return;
    let room: NoteRoom;
    try {
      room = await entry.room;
    } catch {
      return; // it never opened: nothing to store
    }
    room.removeSocket(socketId);
    if (entry.sockets.size > 0) return;
    this.entries.delete(workshopId);
    const closing = room
      .close({ lastSocketLeft: true })
      .catch((error) => logger.error("storing a note on close failed", error))
      .finally(() => this.closing.delete(workshopId));
    this.closing.set(workshopId, closing);
    await closing;
  }

  /** Stores every open note (server shutdown). */
  async closeAll(): Promise<void> {
    registries.delete(this);
    const rooms = await Promise.all([...this.entries.values()].map((entry) => entry.room.catch(() => null)));
    this.entries.clear();
    await Promise.all(rooms.map((room) => room?.close()));
    await Promise.all(this.closing.values());
  }
}
