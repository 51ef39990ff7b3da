/**
 * Contribution times are shown coarsely: precise times would let someone match a comment to
 * the moment a person spoke. The server keeps exact timestamps; only a day and a part of the
 * day (in UTC) ever leave it.
 */
export type PartOfDay = "night" | "morning" | "afternoon" | "evening";

export interface CoarseTime {
  /** YYYY-MM-DD, UTC. */
  day: string;
  partOfDay: PartOfDay;
}

const PARTS: readonly PartOfDay[] = ["night", "morning", "afternoon", "evening"];

export function coarsenTime(date: Date): CoarseTime {
  return { day: date.toISOString().slice(0, 10), partOfDay: PARTS[Math.floor(date.getUTCHours() / 6)]! };
}

export type RelativeDay = "today" | "yesterday" | "earlier";

/** Whether a coarse time falls today, yesterday or earlier, seen from `now` (UTC days). */
export function relativeDay(time: CoarseTime, now: Date = new Date()): RelativeDay {
  const today = now.toISOString().slice(0, 10);
  if (time.day === today) return "today";
  const yesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return time.day === yesterday ? "yesterday" : "earlier";
}
