import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { presentCitedPassage, type PresentedCitedPassage } from "./present";

/**
 * One passage of a workshop, cited: its quote, source and the address that opens the reader
 * at it. Any member may see any passage (a passage says nothing of who picked it).
 */
export async function getPassage({ viewer, workshopId, passageId }: { viewer: Viewer; workshopId: string; passageId: string }): Promise<PresentedCitedPassage> {
  await getWorkshopAccess(viewer, workshopId);
  const db = await getPrisma();
  const passage = await db.passage.findFirst({
    where: { id: passageId, workshopId },
    include: { source: { select: { id: true, workshopId: true, title: true, shortCitation: true } } },
  });
  if (!passage) throw notFound("Passage");
  return presentCitedPassage(passage, passage.source);
}
