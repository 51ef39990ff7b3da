"use server";

import { redirect } from "next/navigation";
import { requireViewerForWrite } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { runAction, type ActionState } from "@/lib/page-helpers";
import { updateProfile } from "@/lib/users/update-profile";

export async function completeProfileAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const input = { name: String(form.get("name") ?? ""), organization: String(form.get("organization") ?? "") };
  const state = await runAction(async () => updateProfile({ viewer: await requireViewerForWrite(), input, requireName: true }));
  if (state.ok) redirect(safeReturnPath(String(form.get("returnTo") ?? "")));
  return state;
}
