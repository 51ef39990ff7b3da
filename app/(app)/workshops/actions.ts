"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireViewerForWrite } from "@/lib/auth/session";
import { runAction, type ActionState } from "@/lib/page-helpers";
import { createWorkshop } from "@/lib/workshops/create-workshop";
import { updateWorkshop } from "@/lib/workshops/update-workshop";
import { sealWorkshop } from "@/lib/ownership/seal-workshop";
import { changeWorkshopStatus } from "@/lib/workshops/change-workshop-status";

function workshopFields(form: FormData) {
  return {
    title: String(form.get("title") ?? ""),
    description: String(form.get("description") ?? ""),
    date: String(form.get("date") ?? ""),
    place: String(form.get("place") ?? ""),
    attribution: String(form.get("attribution") ?? "CHATHAM_HOUSE") as "CHATHAM_HOUSE",
  };
}

export async function createWorkshopAction(_state: ActionState, form: FormData): Promise<ActionState> {
  let workshopId = "";
  const state = await runAction(async () => {
    const viewer = await requireViewerForWrite();
    const codebookFrom = String(form.get("codebookFrom") ?? "");
    workshopId = (await createWorkshop({ viewer, input: { ...workshopFields(form), codebookFrom } })).id;
  });
  if (state.ok) redirect(`/workshops/${workshopId}`);
  return state;
}

export async function updateWorkshopAction(workshopId: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async () => {
    await updateWorkshop({ viewer: await requireViewerForWrite(), workshopId, input: workshopFields(form) });
  });
  if (state.ok) revalidatePath(`/workshops/${workshopId}`, "layout");
  return state;
}

export async function sealWorkshopAction(workshopId: string): Promise<ActionState> {
  const state = await runAction(async () => {
    await sealWorkshop({ viewer: await requireViewerForWrite(), workshopId });
  });
  if (state.ok) revalidatePath(`/workshops/${workshopId}`, "layout");
  return state;
}

export async function changeWorkshopStatusAction(workshopId: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async () => {
    await changeWorkshopStatus({ viewer: await requireViewerForWrite(), workshopId, status: form.get("status") });
  });
  if (state.ok) revalidatePath(`/workshops/${workshopId}`, "layout");
  return state;
}
