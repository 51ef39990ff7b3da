"use server";

import { redirect } from "next/navigation";
import { requireViewerForWrite } from "@/lib/auth/session";
import { runAction, type ActionState } from "@/lib/page-helpers";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";

export async function acceptInvitationAction(token: string): Promise<ActionState> {
  let workshopId = "";
  const state = await runAction(async () => {
    workshopId = (await acceptInvitation({ viewer: await requireViewerForWrite(), token })).workshopId;
  });
  if (state.ok) redirect(`/workshops/${workshopId}`);
  return state;
}
