import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notFound } from "@/lib/errors";
import { audienceFor, canSee } from "@/lib/annotations/audience";
import { referencedIds } from "@/lib/notes/resolve-note";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { isId } from "@/lib/validation";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { countPassageUses } from "./passage-uses";
import { loadPassageAnnotations } from "./load-passages";
import type { CoverageParagraph } from "./schemas";
import { coverageSourceOf, summarizeCoverage } from "./summarize-coverage";

/**
 * One source's coverage for the reader's minimap: per block, in reading order (block i is the
 * reader's `#p{i+1}`), its level and what drew it, counted as the review counts it (visible
 * annotations, evidence of the lessons the viewer sees, the note's footnotes).
 */
export async function getSourceCoverage({ viewer, workshopId, sourceId }: { viewer: Viewer; workshopId: string; sourceId: string }): Promise<Array<Pick<CoverageParagraph, "level" | "kinds">>> {
  if (!isId(sourceId)) throw notFound("Source");
  const { membership } = await getWorkshopAccess(viewer, workshopId);
  const db = await getPrisma();
  const [source, { passages, hiddenAnnotations }, evidence, note, key] = await Promise.all([
    db.source.findFirst({ where: { id: sourceId, workshopId }, select: { id: true, title: true, markup: true, text: true, format: true } }),
    loadPassageAnnotations(db, { workshopId, sourceId }),
    db.lessonEvidence.findMany({
      where: { passage: { sourceId, workshopId }, lesson: { mergedAt: null } },
      select: { passageId: true, lesson: { select: { id: true, hiddenAt: true, ownerTag: true } } },
    }),
    db.meetingNote.findUnique({ where: { workshopId }, select: { content: true } }),
    findWorkshopKey(db, workshopId),
  ]);
  if (!source) throw notFound("Source");
  const audience = audienceFor(viewer.id, membership.role, key);
  const uses = countPassageUses(passages, {
    hiddenAnnotations,
    // As on the board: a hidden lesson's evidence counts only for its author and the organizers.
    evidence: evidence.filter((item) => canSee(item.lesson, { kind: "lesson", id: item.lesson.id }, audience)).map((item) => item.passageId),
    footnotes: referencedIds(note?.content).passageIds,
    audience,
  });
  const [coverage] = summarizeCoverage([coverageSourceOf(source)], uses, null).coverage.sources;
  return coverage!.paragraphs.map(({ level, kinds }) => ({ level, kinds }));
}
