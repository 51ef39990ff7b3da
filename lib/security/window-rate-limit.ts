/**
 * A fixed-window counter per key, in this process's memory. Meant for limits on things that live
 * on one node, such as a socket (lib/realtime/note-handlers.ts): a socket is served by one process
 * for its whole life, so an in-memory count is exact there and costs no round trip. Limits on
 * people, who may reach any node, use `sharedRateLimit` (./rate-limit.ts), which needs a store.
 */
export interface RateLimit {
  /** Counts one attempt for `key`; returns false when the limit for the window is used up. */
  take(key: string, now?: number): boolean;
  /** Seconds until `key` may try again (0 when it may now). */
  retryAfterSeconds(key: string, now?: number): number;
}

export function createRateLimit({ limit, windowMs }: { limit: number; windowMs: number }): RateLimit {
  const windows = new Map<string, { startedAt: number; count: number }>();

  function current(key: string, now: number) {
    const window = windows.get(key);
    if (window && now - window.startedAt < windowMs) return window;
    // Forget expired windows as we go, so memory stays bounded by active keys.
    if (windows.size > 10_000) {
      for (const [otherKey, other] of windows) if (now - other.startedAt >= windowMs) windows.delete(otherKey);
    }
    const fresh = { startedAt: now, count: 0 };
    windows.set(key, fresh);
    return fresh;
  }

  return {
    take(key, now = Date.now()) {
      const window = current(key, now);
      if (window.count >= limit) return false;
      window.count += 1;
      return true;
    },
    retryAfterSeconds(key, now = Date.now()) {
      const window = windows.get(key);
      if (!window || window.count < limit || now - window.startedAt >= windowMs) return 0;
      return Math.ceil((window.startedAt + windowMs - now) / 1000);
    },
  };
}
