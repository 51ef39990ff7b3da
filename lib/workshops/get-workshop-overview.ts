import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { getWorkshopAccess } from "./access";
import { presentWorkshop } from "./present";
import { presentSourceSummary } from "@/lib/sources/present";
import { presentTheme } from "@/lib/themes/present";

/** What the workshop's home page shows: details, the viewer's permissions, sources and themes. */
export async function getWorkshopOverview({ viewer, workshopId }: { viewer: Viewer; workshopId: string }) {
  const { workshop, membership } = await getWorkshopAccess(viewer, workshopId);
  const db = await getPrisma();
  const [sources, themes] = await Promise.all([
    db.source.findMany({ where: { workshopId }, orderBy: { position: "asc" } }),
    db.theme.findMany({ where: { workshopId }, orderBy: { position: "asc" } }),
  ]);
  return {
    workshop: presentWorkshop(workshop, membership),
    sources: sources.map(presentSourceSummary),
    themes: themes.map(presentTheme),
  };
}
