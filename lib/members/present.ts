import type { Membership, User } from "@/lib/generated/prisma/client";

/**
 * The member list, which only organizers see (they invited these people). It names people but
 * never links them to anything they wrote.
 */
export function presentMemberForOrganizer(membership: Membership & { user: User }, viewerId: string) {
  return {
    membershipId: membership.id,
    displayName: membership.user.name ?? membership.user.email,
    email: membership.user.email,
    organization: membership.user.organization ?? "",
    role: membership.role,
    isMe: membership.userId === viewerId,
  };
}

export type PresentedMember = ReturnType<typeof presentMemberForOrganizer>;
