import type { ConsensusClass } from "@/lib/consensus/consensus";
import type { Lesson } from "./types";

/** Cards rendered at first (the server's share), and added each time "Show more" is used. */
export const BOARD_BATCH = 40;

/** What the board shows: a theme, a class of consensus, only the viewer's own, only those without evidence. */
export interface BoardFilter {
  themeId: string;
  consensus: ConsensusClass | "";
  isMine: boolean;
  hasNoEvidence: boolean;
}

export const NO_FILTER: BoardFilter = { themeId: "", consensus: "", isMine: false, hasNoEvidence: false };

export function matchesBoardFilter(lesson: Lesson, filter: BoardFilter): boolean {
  if (filter.themeId && !lesson.themeIds.includes(filter.themeId)) return false;
  if (filter.consensus && lesson.consensus?.consensus !== filter.consensus) return false;
  if (filter.isMine && !lesson.mine) return false;
  if (filter.hasNoEvidence && lesson.strength.passages > 0) return false;
  return true;
}

/** The theme a lesson is listed under: the filtered one, or its first in codebook order ("" for none). */
export function groupThemeOf(lesson: Lesson, themeOrder: readonly string[], filter: BoardFilter): string {
  if (filter.themeId) return filter.themeId;
  let best = "";
  let bestIndex = Infinity;
  for (const themeId of lesson.themeIds) {
    const index = themeOrder.indexOf(themeId);
    if (index >= 0 && index < bestIndex) [best, bestIndex] = [themeId, index];
  }
  return best;
}

/**
 * The board's order, as the server gives it, kept when lessons change live: by theme in codebook
 * order (lessons without a known theme last), then by agreement (held: none), then by statement.
 * Never by creation time, which would tell who spoke first.
 */
export function orderBoard(lessons: readonly Lesson[], themeOrder: readonly string[], filter: BoardFilter, locale: string): { themeId: string; lessons: Lesson[] }[] {
  const rank = (themeId: string) => (themeId ? themeOrder.indexOf(themeId) : themeOrder.length);
  const keyed = lessons.filter((lesson) => matchesBoardFilter(lesson, filter)).map((lesson) => ({ lesson, themeId: groupThemeOf(lesson, themeOrder, filter) }));
  keyed.sort(
    (a, b) =>
      rank(a.themeId) - rank(b.themeId) ||
      (b.lesson.agreement ?? -1) - (a.lesson.agreement ?? -1) ||
      a.lesson.statement.localeCompare(b.lesson.statement, locale),
  );
  const groups: { themeId: string; lessons: Lesson[] }[] = [];
  for (const { lesson, themeId } of keyed) {
    const last = groups[groups.length - 1];
    if (last && last.themeId === themeId) last.lessons.push(lesson);
    else groups.push({ themeId, lessons: [lesson] });
  }
  return groups;
}

/** The first `limit` lessons of the ordered groups, still grouped. */
export function firstOfGroups(groups: { themeId: string; lessons: Lesson[] }[], limit: number) {
  const shown: typeof groups = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    shown.push({ themeId: group.themeId, lessons: group.lessons.slice(0, left) });
    left -= group.lessons.length;
  }
  return shown;
}
