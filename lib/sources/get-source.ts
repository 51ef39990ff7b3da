import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { presentWorkshop } from "@/lib/workshops/present";
import { presentSource } from "./present";
import { presentTheme } from "@/lib/themes/present";

/** One source of a workshop the viewer belongs to; another workshop's source is "not found". */
export async function getSource({ viewer, workshopId, sourceId }: { viewer: Viewer; workshopId: string; sourceId: string }) {
  const { workshop, membership } = await getWorkshopAccess(viewer, workshopId);
  const db = await getPrisma();
  const [source, themes] = await Promise.all([
    db.source.findFirst({ where: { id: sourceId, workshopId } }),
    db.theme.findMany({ where: { workshopId }, orderBy: { position: "asc" } }),
  ]);
  if (!source) throw notFound("Source");
  return { workshop: presentWorkshop(workshop, membership), source: presentSource(source), themes: themes.map(presentTheme) };
}
