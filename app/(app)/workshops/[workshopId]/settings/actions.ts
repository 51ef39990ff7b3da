"use server";

import { revalidatePath } from "next/cache";
import { requireViewerForWrite } from "@/lib/auth/session";
import { runAction, type ActionState } from "@/lib/page-helpers";
import { updateLessonSettings, type LessonSettingsInput } from "@/lib/lessons/update-lesson-settings";

/** Saves the lesson settings (held stances, thresholds); the input is checked by updateLessonSettings. */
export async function updateLessonSettingsAction(workshopId: string, input: LessonSettingsInput): Promise<ActionState> {
  const state = await runAction(async () => {
    await updateLessonSettings({ viewer: await requireViewerForWrite(), workshopId, input });
  });
  if (state.ok) revalidatePath(`/workshops/${workshopId}/settings`);
  return state;
}
