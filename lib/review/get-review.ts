import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notFound } from "@/lib/errors";
import { audienceFor } from "@/lib/annotations/audience";
import { findLessonSummaries } from "@/lib/lessons/lesson-summaries";
import { referencedIds } from "@/lib/notes/resolve-note";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { presentTheme } from "@/lib/themes/present";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { parseInput } from "@/lib/validation";
import { ZReviewQuery, type Review } from "./schemas";
import { countPassageUses } from "./passage-uses";
import { loadPassageAnnotations } from "./load-passages";
import { coverageSourceOf, summarizeCoverage } from "./summarize-coverage";
import { summarizeLessons } from "./summarize-lessons";

/**
 * The review of a workshop for one member: per theme, the lessons with their consensus class
 * and evidence strength, whether the note refers to them; the most-cited passages; and which
 * paragraphs of each source drew annotations, evidence and footnotes. Built from what the viewer
 * may see (the board's lessons, visible annotations, the note they may read), presented without
 * authors and with no exact small figure (./buckets.ts). With a theme, coverage counts only
 * annotations and evidence tagged with it (footnotes carry no theme and are left out).
 */
export async function getReview({ viewer, workshopId, query = {} }: { viewer: Viewer; workshopId: string; query?: unknown }): Promise<Review> {
  const { themeId = null } = parseInput(ZReviewQuery, query);
  const [{ membership }, board] = await Promise.all([getWorkshopAccess(viewer, workshopId), findLessonSummaries({ viewer, workshopId })]);
  const db = await getPrisma();
  const [themes, sources, { passages, hiddenAnnotations }, note, key] = await Promise.all([
    db.theme.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    db.source.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, title: true, markup: true, text: true, format: true } }),
    loadPassageAnnotations(db, { workshopId, themeId }),
    themeId ? null : db.meetingNote.findUnique({ where: { workshopId }, select: { content: true } }),
    findWorkshopKey(db, workshopId),
  ]);
  if (themeId && !themes.some((theme) => theme.id === themeId)) throw notFound("Theme");
  const audience = audienceFor(viewer.id, membership.role, key);

  const uses = countPassageUses(passages, {
    hiddenAnnotations,
    evidence: board.lessons.filter((lesson) => !themeId || lesson.themeIds.includes(themeId)).flatMap((lesson) => lesson.evidencePassageIds),
    footnotes: referencedIds(note?.content).passageIds,
    audience,
  });

  const presentedThemes = themes.map(presentTheme);
  return {
    held: board.held,
    ...summarizeLessons(board.lessons, presentedThemes),
    ...summarizeCoverage(sources.map(coverageSourceOf), uses, themeId),
  };
}
