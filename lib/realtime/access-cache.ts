/**
 * Who may do what in a workshop, remembered per socket so that a busy note does not query the
 * database for every keystroke batch (one membership-plus-workshop lookup per editor every
 * 100 ms). An entry is good while the workshop's access version (lib/realtime/hub.ts
 * `accessVersion`) is unchanged: every change of who may do what (a member removed or given
 * another role, the workshop closed, archived or sealed, the note signed off or reopened, the
 * "participants edit the note" setting) bumps it. Entries also expire after a few seconds, so
 * that a change made outside the app's functions (by hand in the database) takes effect soon.
 */
import { accessVersion } from "./hub";

export const ACCESS_MAX_AGE_MS = 5_000;

interface Entry<T> {
  version: number;
  at: number;
  value: T;
}

export class SocketAccessCache<T> {
  private readonly entries = new Map<string, Map<string, Entry<T>>>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The cached answer for this socket and workshop, or `load()`'s. Only answers `keep` accepts
   * are remembered (a refusal is looked up again: a socket that was refused is not in the room).
   * The version is read before loading, so an answer loaded across a change is stale at once.
   */
  async get(socketId: string, workshopId: string, load: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
    const cached = this.entries.get(socketId)?.get(workshopId);
    if (cached && cached.version === accessVersion(workshopId) && this.now() - cached.at < ACCESS_MAX_AGE_MS) return cached.value;
    const version = accessVersion(workshopId);
    const at = this.now();
    const value = await load();
    if (keep(value)) {
      let bySocket = this.entries.get(socketId);
      if (!bySocket) this.entries.set(socketId, (bySocket = new Map()));
      bySocket.set(workshopId, { version, at, value });
    } else this.forget(socketId, workshopId);
    return value;
  }

  forget(socketId: string, workshopId?: string): void {
    if (workshopId === undefined) return void this.entries.delete(socketId);
    const bySocket = this.entries.get(socketId);
    bySocket?.delete(workshopId);
    if (bySocket?.size === 0) this.entries.delete(socketId);
  }
}
