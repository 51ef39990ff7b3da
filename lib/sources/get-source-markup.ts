import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { requireWorkshopPermission } from "@/lib/workshops/access";

/** A source's editable markup, for the organizer revising it, with how many annotations it carries. */
export async function getSourceMarkup({ viewer, workshopId, sourceId }: { viewer: Viewer; workshopId: string; sourceId: string }) {
  await requireWorkshopPermission(viewer, workshopId, "sources.revise");
  const db = await getPrisma();
  const source = await db.source.findFirst({
    where: { id: sourceId, workshopId },
    select: { id: true, title: true, format: true, markup: true, text: true, revision: true },
  });
  if (!source) throw notFound("Source");
  const annotationCount = await db.annotation.count({ where: { workshopId, passage: { sourceId } } });
  return {
    id: source.id,
    title: source.title,
    format: source.format,
    markup: source.markup || source.text,
    revision: source.revision,
    annotationCount,
  };
}

export type SourceMarkup = Awaited<ReturnType<typeof getSourceMarkup>>;
