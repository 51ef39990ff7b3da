import type { Invitation } from "@/lib/generated/prisma/client";

/** Pending invitations, shown to organizers (who sent them). */
export function presentInvitation(invitation: Invitation) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export type PresentedInvitation = ReturnType<typeof presentInvitation>;
