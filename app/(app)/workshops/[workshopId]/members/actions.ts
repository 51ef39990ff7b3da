"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { requireViewerForWrite } from "@/lib/auth/session";
import { runAction, type ActionState } from "@/lib/page-helpers";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { isLocale, DEFAULT_LOCALE } from "@/i18n/config";

async function afterMembersChange(workshopId: string, state: ActionState): Promise<ActionState> {
  if (state.ok) revalidatePath(`/workshops/${workshopId}/members`);
  return state;
}

export async function inviteMemberAction(workshopId: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const locale = await getLocale();
  const input = { email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") as "PARTICIPANT" };
  return afterMembersChange(
    workshopId,
    await runAction(async () => {
      await createInvitation({ viewer: await requireViewerForWrite(), workshopId, input, locale: isLocale(locale) ? locale : DEFAULT_LOCALE });
    }),
  );
}

export async function revokeInvitationAction(workshopId: string, invitationId: string): Promise<ActionState> {
  return afterMembersChange(
    workshopId,
    await runAction(async () => revokeInvitation({ viewer: await requireViewerForWrite(), workshopId, invitationId })),
  );
}

export async function changeMemberRoleAction(workshopId: string, membershipId: string, _state: ActionState, form: FormData): Promise<ActionState> {
  return afterMembersChange(
    workshopId,
    await runAction(async () =>
      changeMemberRole({ viewer: await requireViewerForWrite(), workshopId, membershipId, role: form.get("role") }),
    ),
  );
}

export async function removeMemberAction(workshopId: string, membershipId: string): Promise<ActionState> {
  return afterMembersChange(
    workshopId,
    await runAction(async () => removeMember({ viewer: await requireViewerForWrite(), workshopId, membershipId })),
  );
}
