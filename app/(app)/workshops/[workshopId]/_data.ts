import "server-only";
import { cache } from "react";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-helpers";
import { getWorkshopOverview } from "@/lib/workshops/get-workshop-overview";

/** The workshop for this request, loaded once and shared by its layout and page. */
export const loadWorkshop = cache(async (workshopId: string) => {
  const viewer = await requireViewerOrRedirect(`/workshops/${workshopId}`);
  const overview = await orNotFound(getWorkshopOverview({ viewer, workshopId }));
  return { viewer, ...overview };
});
