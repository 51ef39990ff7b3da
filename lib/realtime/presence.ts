import { countPeople, workshopRoom } from "./hub";
import { presenceCount } from "./live-delivery";
import type { AppServer } from "./respond";
import type { Server } from "socket.io";

/**
 * Joins and leaves within this window become one recount per workshop: 500 people arriving
 * together cause a handful of messages to each, not one per arrival (O(N²) before).
 */
export const PRESENCE_COALESCE_MS = 100;

interface WorkshopPresence {
  timer: NodeJS.Timeout | null;
  /** What the room was last told (undefined: nothing yet). */
  shown: number | null | undefined;
  /** Sockets that joined since the last recount and have been told nothing yet. */
  joiners: Set<string>;
}

/**
 * The presence count of each workshop's room (./live-delivery.ts `presenceCount`: coarse for
 * two or three people), recounted once per window after joins and leaves. Everyone hears of a
 * change of what is shown; a newcomer is told the count even when it did not change, and an
 * unchanged count tells the others nothing (not even that a tab came or went).
 *
 * With several nodes, the count is of the whole room (fetchSockets asks every node) and goes to
 * the whole room through the adapter; each node recounts after its own sockets' joins and leaves
 * and remembers what it last showed, so a node may repeat a count another node already sent.
 */
export function createPresence(io: AppServer, windowMs = PRESENCE_COALESCE_MS) {
  const workshops = new Map<string, WorkshopPresence>();

  async function recount(workshopId: string, presence: WorkshopPresence): Promise<void> {
    presence.timer = null;
    const joiners = [...presence.joiners];
    presence.joiners.clear();
    const people = await countPeople(io as unknown as Server, workshopId);
    const count = presenceCount(people);
    const payload = { workshopId, count };
    if (count !== presence.shown) io.to(workshopRoom(workshopId)).emit("presence:count", payload);
    else if (joiners.length) io.to(joiners).emit("presence:count", payload);
    presence.shown = count;
    if (people === 0 && !presence.timer) workshops.delete(workshopId);
  }

  function schedule(workshopId: string, joinerSocketId?: string): void {
    let presence = workshops.get(workshopId);
    if (!presence) workshops.set(workshopId, (presence = { timer: null, shown: undefined, joiners: new Set() }));
    if (joinerSocketId) presence.joiners.add(joinerSocketId);
    const scheduled = presence;
    scheduled.timer ??= setTimeout(() => void recount(workshopId, scheduled).catch(() => {}), windowMs);
  }

  return {
    /** A socket entered the workshop's room: it will be told the count. */
    joined: (workshopId: string, socketId: string) => schedule(workshopId, socketId),
    /** A socket left the room (or is leaving: the recount runs after the window). */
    left: (workshopId: string) => schedule(workshopId),
    close: () => {
      for (const presence of workshops.values()) if (presence.timer) clearTimeout(presence.timer);
      workshops.clear();
    },
  };
}
