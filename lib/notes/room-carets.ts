import type * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { readAwarenessUpdate, writeAwarenessUpdate, type AwarenessEntry } from "./awareness";

/** Editors on one page: one is the norm; a few leave room for more. */
const MAX_CARETS_PER_SOCKET = 4;

/**
 * The carets of a note room's editors: their awareness states, rebuilt from the allowlist, and
 * which socket speaks for each.
 */
export class RoomCarets {
  readonly awareness: Awareness;
  /**
   * Which socket (and person) speaks for each awareness client, in memory only and never
   * logged or stored: needed to remove a socket's carets when it leaves, and to keep others
   * from moving them. Ownership stays with the person across reconnections.
   */
  private readonly owners = new Map<number, { socketId: string; userId: string }>();

  constructor(
    doc: Y.Doc,
    /** Sends an awareness update to everyone in the room but the socket it came from. */
    private readonly send: (update: Uint8Array, exceptSocketId?: string) => void,
  ) {
    this.awareness = new Awareness(doc);
    // The server is no participant: it holds others' states and has none of its own.
    this.awareness.setLocalState(null);
  }

  /** Every caret, for someone joining. */
  encodeAll(): Uint8Array {
    return encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]);
  }

  /**
   * Applies a client's awareness update after rebuilding it from the allowlist. A socket may
   * speak only for the awareness clients it introduced; returns what was shared, if anything.
   */
  receive(socketId: string, userId: string, update: Uint8Array): Uint8Array | null {
    const entries = readAwarenessUpdate(update).filter((entry) => this.claim(socketId, userId, entry));
    if (!entries.length) return null;
    const cleaned = writeAwarenessUpdate(entries);
    applyAwarenessUpdate(this.awareness, cleaned, socketId);
    this.send(cleaned, socketId);
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
    this.send(encodeAwarenessUpdate(this.awareness, present));
  }

  destroy(): void {
    this.awareness.destroy();
  }
}
