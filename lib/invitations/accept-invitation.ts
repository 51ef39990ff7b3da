import "server-only";
import { getPrisma, type PrismaClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { abilitiesOfRole } from "@/lib/workshops/role-abilities";
import { hashInvitationToken, isWellFormedToken } from "./tokens";
import type { Invitation, Workshop } from "@/lib/generated/prisma/client";

const invalid = () =>
  new AppError("NOT_FOUND", "invitationInvalid", "This invitation link is not valid. Ask the organizer for a new one.");

/** Finds the invitation behind a token and says why it cannot be used, if it cannot. */
async function findUsableInvitation(db: PrismaClient, token: string): Promise<Invitation & { workshop: Workshop }> {
  if (!isWellFormedToken(token)) throw invalid();
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { workshop: true },
  });
  if (!invitation || invitation.revokedAt) throw invalid();
  if (invitation.acceptedAt) {
    throw new AppError("GONE", "invitationUsed", "This invitation has already been used. Ask the organizer for a new one.");
  }
  if (invitation.expiresAt < new Date()) {
    throw new AppError("GONE", "invitationExpired", "This invitation has expired. Ask the organizer for a new one.");
  }
  if (invitation.workshop.status === "ARCHIVED") {
    throw new AppError("GONE", "invitationWorkshopArchived", "This workshop has been archived and takes no new members.");
  }
  return invitation;
}

/**
 * What the invitation page shows before the person accepts: the workshop (title, date, place,
 * rule), the role offered and what that role may do there (from the policy table).
 */
export async function getInvitationPreview({ token }: { token: string }) {
  const { workshop, role, email } = await findUsableInvitation(await getPrisma(), token);
  return {
    workshopTitle: workshop.title,
    date: workshop.date ? workshop.date.toISOString().slice(0, 10) : null,
    place: workshop.place,
    attribution: workshop.attribution,
    role,
    abilities: abilitiesOfRole({ role, participantsEditNote: workshop.participantsEditNote }),
    email,
  };
}

/**
 * Accepts an invitation for the signed-in person, who must have signed in with the invited
 * address. The token works once: a second use, even concurrent, is refused.
 */
export async function acceptInvitation({ viewer, token }: { viewer: Viewer; token: string }): Promise<{ workshopId: string }> {
  const db = await getPrisma();
  const invitation = await findUsableInvitation(db, token);
  if (invitation.email !== viewer.email.toLowerCase()) {
    throw new AppError(
      "FORBIDDEN",
      "invitationOtherEmail",
      "This invitation was sent to another email address. Sign out and sign in with the address that received it.",
    );
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (count !== 1) throw new AppError("GONE", "invitationUsed", "This invitation has already been used.");
    await tx.membership.upsert({
      where: { workshopId_userId: { workshopId: invitation.workshopId, userId: viewer.id } },
      create: { workshopId: invitation.workshopId, userId: viewer.id, role: invitation.role },
      update: {},
    });
  });
  return { workshopId: invitation.workshopId };
}
