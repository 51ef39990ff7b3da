"use server";

import { revalidatePath } from "next/cache";
import { requireViewerForWrite } from "@/lib/auth/session";
import { runAction, type ActionState } from "@/lib/page-helpers";
import { updateProfile } from "@/lib/users/update-profile";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";

export async function updateProfileAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const input = { name: String(form.get("name") ?? ""), organization: String(form.get("organization") ?? "") };
  const state = await runAction(async () => updateProfile({ viewer: await requireViewerForWrite(), input }));
  if (state.ok) revalidatePath("/account");
  return state;
}

export type CreateTokenState = ActionState & { secret?: string; tokenName?: string };

/** Creates an access token; the secret comes back in the state, shown once and never again. */
export async function createApiTokenAction(_state: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const expiry = String(form.get("expiresInDays") ?? "");
  const input = { name: String(form.get("name") ?? ""), scope: String(form.get("scope") ?? "") as "read", expiresInDays: expiry ? (Number(expiry) as 7) : null };
  let created: { secret: string; tokenName: string } | null = null;
  const state = await runAction(async () => {
    const { token, secret } = await createApiToken({ viewer: await requireViewerForWrite(), input });
    created = { secret, tokenName: token.name };
  });
  if (state.ok) revalidatePath("/account");
  return { ...state, ...(created ?? {}) };
}

/** Revokes one of the viewer's tokens. */
export async function revokeApiTokenAction(tokenId: string): Promise<ActionState> {
  const state = await runAction(async () => revokeApiToken({ viewer: await requireViewerForWrite(), tokenId }));
  if (state.ok) revalidatePath("/account");
  return state;
}
