"use server";

import { revalidatePath } from "next/cache";
import { requireViewerForWrite } from "@/lib/auth/session";
import { runAction, type ActionState } from "@/lib/page-helpers";
import { getWorkshopOverview } from "@/lib/workshops/get-workshop-overview";
import { updateWorkshop } from "@/lib/workshops/update-workshop";
import type { LessonSettings } from "@/lib/workshops/get-lesson-settings";

/** Saves the lesson settings (held stances, thresholds) with the workshop's details unchanged. */
export async function updateLessonSettingsAction(workshopId: string, settings: LessonSettings): Promise<ActionState> {
  const state = await runAction(async () => {
    const viewer = await requireViewerForWrite();
    const { workshop } = await getWorkshopOverview({ viewer, workshopId });
    // Whatever arrives is checked by the workshop's schema in updateWorkshop.
    const { holdStances, consensusThresholds } = (settings ?? {}) as Partial<LessonSettings>;
    const { title, description, date, place, attribution } = workshop;
    await updateWorkshop({ viewer, workshopId, input: { title, description, date: date ?? "", place, attribution, holdStances, consensusThresholds } });
  });
  if (state.ok) revalidatePath(`/workshops/${workshopId}`, "layout");
  return state;
}
