import "server-only";
import { getPrisma, type PrismaClient } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { CONSENSUS_CLASSES, type ConsensusClass } from "@/lib/consensus/consensus";
import type { WorkshopStatus } from "@/lib/generated/prisma/enums";
import { loadLessonContext, tallyLessons } from "@/lib/lessons/context";
import { consensusOf } from "@/lib/lessons/present";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { ownershipOf } from "@/lib/ownership/ownership";
import { themeMatchKey } from "./theme-match-key";

/** How one workshop's lessons under a recurring theme are shared, by consensus class. */
export interface ThemeInWorkshop {
  workshopId: string;
  /** The theme's name in that workshop. */
  name: string;
  /** The viewer's workshop whose codebook this one started from and which has this theme too, if any. */
  startedFromId: string | null;
  /** Lessons under the theme (shown ones, not merged duplicates): lessons, never people. */
  lessons: number;
  /** Lessons per consensus class (the board's phrases); null while that workshop holds stances back. */
  classes: Record<ConsensusClass, number> | null;
}

export interface RecurringTheme {
  key: string;
  name: string;
  /** How the workshops' themes were matched: by name only, or (also) along the codebook they started from. */
  matchedBy: "name" | "origin";
  workshops: ThemeInWorkshop[];
}

export interface WorkshopComparison {
  workshops: Array<{ id: string; title: string; status: WorkshopStatus }>;
  themes: RecurringTheme[];
}

/** Lessons per class under each theme of one workshop (null classes while stances are held). */
async function classesByTheme(db: PrismaClient, workshopId: string, viewerId: string) {
  const [lessons, context, key] = await Promise.all([
    db.lesson.findMany({ where: { workshopId, mergedAt: null, hiddenAt: null }, select: { id: true, themes: { select: { themeId: true } } } }),
    loadLessonContext(db, workshopId),
    findWorkshopKey(db, workshopId),
  ]);
  const tallies = await tallyLessons(db, lessons.map((lesson) => lesson.id), ownershipOf(key, viewerId), { workshopId });
  const byTheme = new Map<string, { lessons: number; classes: Record<ConsensusClass, number> | null }>();
  const entryOf = (themeId: string) => byTheme.get(themeId) ?? { lessons: 0, classes: context.held ? null : emptyClasses() };
  for (const lesson of lessons) {
    const consensus = consensusOf(tallies.get(lesson.id)!, context);
    for (const { themeId } of lesson.themes) {
      const entry = entryOf(themeId);
      entry.lessons += 1;
      if (entry.classes && consensus) entry.classes[consensus.consensus] += 1;
      byTheme.set(themeId, entry);
    }
  }
  return entryOf;
}

function emptyClasses(): Record<ConsensusClass, number> {
  return Object.fromEntries(CONSENSUS_CLASSES.map((name) => [name, 0])) as Record<ConsensusClass, number>;
}

/** The name most workshops give the theme (among equals, the one of the first workshop listed). */
function mostCommonName(entries: Array<{ name: string }>): string {
  const counts = new Map<string, number>();
  for (const { name } of entries) counts.set(name.trim(), (counts.get(name.trim()) ?? 0) + 1);
  // Map keeps insertion order and sort is stable: equals stay in workshop order.
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * The themes that recur across the viewer's workshops (every workshop they belong to), matched by
 * name (case, accents and spacing ignored) and along the codebooks workshops were started from,
 * with how the consensus on each workshop's lessons under the theme compares: lessons per
 * consensus class, the phrases of the board. No participant counts: a class is already the
 * small-numbers-safe phrase (docs/CONSENSUS.md), and hidden lessons are left out for everyone.
 */
export async function compareWorkshops({ viewer }: { viewer: Viewer }): Promise<WorkshopComparison> {
  const db = await getPrisma();
  const memberships = await db.membership.findMany({
    where: { userId: viewer.id },
    select: { workshop: { select: { id: true, title: true, status: true, codebookOriginId: true, themes: { select: { id: true, name: true } } } } },
  });
  const workshops = memberships.map(({ workshop }) => workshop).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const mine = new Map(workshops.map((workshop) => [workshop.id, workshop]));
  const groups = new Map<string, Array<{ workshopId: string; themeId: string; name: string }>>();
  for (const workshop of workshops) {
    for (const theme of workshop.themes) {
      const key = themeMatchKey(theme.name);
      groups.set(key, [...(groups.get(key) ?? []), { workshopId: workshop.id, themeId: theme.id, name: theme.name }]);
    }
  }
  const recurring = [...groups.entries()].filter(([, entries]) => new Set(entries.map((entry) => entry.workshopId)).size >= 2);
  const involved = new Set(recurring.flatMap(([, entries]) => entries.map((entry) => entry.workshopId)));
  const classes = new Map<string, Awaited<ReturnType<typeof classesByTheme>>>();
  // One workshop after another: PGlite has a single connection, and each asks a few queries.
  for (const workshopId of involved) classes.set(workshopId, await classesByTheme(db, workshopId, viewer.id));

  const themes: RecurringTheme[] = recurring.map(([key, entries]) => {
    const present = new Set(entries.map((entry) => entry.workshopId));
    const rows = entries.map((entry): ThemeInWorkshop => {
      const origin = mine.get(entry.workshopId)?.codebookOriginId ?? null;
      const tally = classes.get(entry.workshopId)!(entry.themeId);
      return {
        workshopId: entry.workshopId,
        name: entry.name,
        startedFromId: origin && present.has(origin) ? origin : null,
        lessons: tally.lessons,
        classes: tally.classes,
      };
    });
    return { key, name: mostCommonName(entries), matchedBy: rows.some((row) => row.startedFromId) ? "origin" : "name", workshops: rows };
  });
  return {
    workshops: workshops.map(({ id, title, status }) => ({ id, title, status })),
    themes: themes.sort((a, b) => b.workshops.length - a.workshops.length || a.name.localeCompare(b.name)),
  };
}
