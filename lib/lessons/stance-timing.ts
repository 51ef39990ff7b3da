import type { StanceKind } from "@/lib/generated/prisma/enums";

/**
 * When a stance change reaches other people: at the end of the clock-aligned batching window it
 * falls in (the same end at which lib/realtime/live-delivery.ts delivers it live), never at the
 * moment of the click. Until then everyone else, over HTTP as over sockets, sees the stance as
 * it stood before; its author sees the change at once. So nobody can tie a change in the counts
 * to whoever just clicked, by watching the board or by asking the API again and again.
 */

/** The end of the window a change made at `now` falls in; `now` itself when nothing is held. */
export function settleTime(now: number, windowMs: number): Date {
  return new Date(windowMs > 0 ? now - (now % windowMs) + windowMs : now);
}

export interface StanceState {
  kind: StanceKind | null;
  shownKind: StanceKind | null;
  settlesAt: Date;
}

/** The stance everyone but its author sees at `now`. */
export function shownStance(stance: StanceState, now: Date): StanceKind | null {
  return stance.settlesAt.getTime() <= now.getTime() ? stance.kind : stance.shownKind;
}

/** The totals one viewer sees: everyone's shown stances, and their own as it is now. */
export function tallyFor(
  shown: { endorse: number; dispute: number },
  own: StanceState | undefined,
  now: Date,
): { endorse: number; dispute: number; myStance: StanceKind | null } {
  const counts = { ...shown };
  if (own) {
    const before = shownStance(own, now);
    if (before === "ENDORSE") counts.endorse -= 1;
    if (before === "DISPUTE") counts.dispute -= 1;
    if (own.kind === "ENDORSE") counts.endorse += 1;
    if (own.kind === "DISPUTE") counts.dispute += 1;
  }
  return { ...counts, myStance: own?.kind ?? null };
}
