/**
 * When other people's contributions reach a screen. In a room where everyone sees at least
 * three others, changes go out at once: nobody can tell which of them acted. In a smaller room,
 * a change that appears the moment someone joins, stops typing or clicks would point at them, so
 * changes are held and delivered together at the end of a fixed window (10 seconds, aligned to
 * the clock, not to the change): all that can be learnt is which window a change fell in. What
 * is delivered is built at delivery time, so several changes to one item become one message.
 */

/** People in a room, counting oneself, from which changes go out at once (three others each). */
export const IMMEDIATE_FROM_PEOPLE = 4;
/** The batching window for smaller rooms. */
export const LIVE_BATCH_WINDOW_MS = 10_000;

/**
 * The presence count people are shown, by the same rule: "only you" (1), "you and a few others"
 * (null: two or three people, where an exact number would tie a change to who just came or
 * went), or the number once everyone sees at least three others.
 */
export function presenceCount(people: number): number | null {
  if (people <= 1) return people;
  return people < IMMEDIATE_FROM_PEOPLE ? null : people;
}

export interface LiveDeliveryOptions {
  windowMs?: number;
  /** Distinct people in the workshop's room right now. */
  peopleInRoom(workshopId: string): Promise<number>;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => { unref?: () => void };
}

export interface ScheduleOptions {
  /**
   * Hold the change for the end of the window whatever the size of the room: for changes that
   * must never be tied to a click, such as stances (docs/CONSENSUS.md, timing).
   */
  always?: boolean;
}

export interface LiveDelivery {
  /**
   * Delivers now or at the end of the window, depending on the room (or always at the end of the
   * window, with `always`); a later call with the same key before delivery replaces the earlier
   * one (its delivery reads the item's current state).
   */
  schedule(workshopId: string, key: string, deliver: () => Promise<void>, options?: ScheduleOptions): Promise<void>;
  /** Delivers everything pending at once (shutdown, tests). */
  flushAll(): Promise<void>;
}

export function createLiveDelivery({ windowMs = LIVE_BATCH_WINDOW_MS, peopleInRoom, now = Date.now, setTimer = setTimeout }: LiveDeliveryOptions): LiveDelivery {
  const pending = new Map<string, Map<string, () => Promise<void>>>();

  async function flush(workshopId: string): Promise<void> {
    const batch = pending.get(workshopId);
    pending.delete(workshopId);
    for (const deliver of batch?.values() ?? []) {
      // One failed delivery (an item deleted meanwhile, a socket gone) must not hold back the others.
      await deliver().catch(() => {});
    }
  }

  return {
    async schedule(workshopId, key, deliver, { always = false } = {}) {
      const batch = pending.get(workshopId);
      if (!batch && !always && (await peopleInRoom(workshopId)) >= IMMEDIATE_FROM_PEOPLE) return deliver();
      if (batch) {
        batch.delete(key); // re-inserted last: deliveries keep the order of the latest changes
        batch.set(key, deliver);
        return;
      }
      pending.set(workshopId, new Map([[key, deliver]]));
      const wait = windowMs - (now() % windowMs);
      setTimer(() => void flush(workshopId), wait).unref?.();
    },
    async flushAll() {
      for (const workshopId of [...pending.keys()]) await flush(workshopId);
    },
  };
}
