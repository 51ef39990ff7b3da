"use server";

import { revalidatePath } from "next/cache";
import { requireViewerForWrite } from "@/lib/auth/session";
import { runAction, type ActionState } from "@/lib/page-helpers";
import { updateLessonSettings, type LessonSettingsInput } from "@/lib/lessons/update-lesson-settings";
import { updateNoteSettings, type NoteSettingsInput } from "@/lib/workshops/update-note-settings";
import { updateRetention } from "@/lib/retention/update-retention";
import type { RetentionInput } from "@/lib/exports/schemas";

/** Saves the lesson settings (held stances, thresholds); the input is checked by updateLessonSettings. */
export async function updateLessonSettingsAction(workshopId: string, input: LessonSettingsInput): Promise<ActionState> {
  const state = await runAction(async () => {
    await updateLessonSettings({ viewer: await requireViewerForWrite(), workshopId, input });
  });
  if (state.ok) revalidatePath(`/workshops/${workshopId}/settings`);
  return state;
}

/** Saves who writes the meeting note; the input is checked by updateNoteSettings. */
export async function updateNoteSettingsAction(workshopId: string, input: NoteSettingsInput): Promise<ActionState> {
  const state = await runAction(async () => {
    await updateNoteSettings({ viewer: await requireViewerForWrite(), workshopId, input });
  });
  if (state.ok) revalidatePath(`/workshops/${workshopId}/settings`);
  return state;
}

/** Saves how long raw contributions are kept after closing; the input is checked by updateRetention. */
export async function updateRetentionAction(workshopId: string, input: RetentionInput): Promise<ActionState> {
  const state = await runAction(async () => {
    await updateRetention({ viewer: await requireViewerForWrite(), workshopId, input });
  });
  if (state.ok) revalidatePath(`/workshops/${workshopId}`, "layout");
  return state;
}
