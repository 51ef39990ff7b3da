"use server";

import { revalidatePath } from "next/cache";
import { requireViewerForWrite } from "@/lib/auth/session";
import { runAction, type ActionState } from "@/lib/page-helpers";
import { updateProfile } from "@/lib/users/update-profile";

export async function updateProfileAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const input = { name: String(form.get("name") ?? ""), organization: String(form.get("organization") ?? "") };
  const state = await runAction(async () => updateProfile({ viewer: await requireViewerForWrite(), input }));
  if (state.ok) revalidatePath("/account");
  return state;
}
