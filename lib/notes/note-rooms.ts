import { logger } from "@/lib/logger";
import { NoteRoom, type RoomOutlet } from "./note-room";

interface Entry {
  room: Promise<NoteRoom>;
  sockets: Set<string>;
}

/**
 * The notes open on this server: a room is loaded when its first socket arrives and stored and
 * dropped when its last one leaves. One registry per socket.io server.
 */
export class NoteRooms {
  private readonly entries = new Map<string, Entry>();
  /** Rooms being stored after their last socket left; a new arrival waits for that first. */
  private readonly closing = new Map<string, Promise<void>>();

  constructor(private readonly outletFor: (workshopId: string) => RoomOutlet) {}

  async enter(workshopId: string, socketId: string): Promise<NoteRoom> {
    await this.closing.get(workshopId);
    let entry = this.entries.get(workshopId);
    if (!entry) {
      const room = NoteRoom.open(workshopId, this.outletFor(workshopId));
      entry = { room, sockets: new Set() };
      this.entries.set(workshopId, entry);
      room.catch(() => this.entries.delete(workshopId));
    }
    entry.sockets.add(socketId);
    try {
      return await entry.room;
    } catch (error) {
      entry.sockets.delete(socketId);
      throw error;
    }
  }

  /** The room, if this socket has entered it. */
  async roomFor(workshopId: string, socketId: string): Promise<NoteRoom | null> {
    const entry = this.entries.get(workshopId);
    if (!entry?.sockets.has(socketId)) return null;
    return entry.room;
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
      .close()
      .catch((error) => logger.error("storing a note on close failed", error))
      .finally(() => this.closing.delete(workshopId));
    this.closing.set(workshopId, closing);
    await closing;
  }

  /** Stores every open note (server shutdown). */
  async closeAll(): Promise<void> {
    const rooms = await Promise.all([...this.entries.values()].map((entry) => entry.room.catch(() => null)));
    this.entries.clear();
    await Promise.all(rooms.map((room) => room?.close()));
    await Promise.all(this.closing.values());
  }
}
