import "server-only";
import { createTranslator } from "next-intl";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { sendMail } from "@/lib/mail/send-mail";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/config";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { ZInviteInput, type InviteInput } from "@/lib/members/schemas";
import { createInvitationToken, INVITATION_TTL_DAYS } from "./tokens";
import { presentInvitation, type PresentedInvitation } from "./present";

export interface CreateInvitationOptions {
  viewer: Viewer;
  workshopId: string;
  input: InviteInput;
  locale: Locale;
}

/**
 * Invites a person by email with a role: a single-use link, valid for a week. Only the token's
 * hash is stored. A new invitation to the same address replaces the pending one.
 */
export async function createInvitation({ viewer, workshopId, input, locale }: CreateInvitationOptions): Promise<PresentedInvitation> {
  const { email, role } = parseInput(ZInviteInput, input);
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "members.invite");
  const db = await getPrisma();
  const existing = await db.membership.findFirst({ where: { workshopId, user: { email } } });
  if (existing) throw new AppError("CONFLICT", "alreadyMember", "This person is already a member of the workshop.");

  const { token, tokenHash } = createInvitationToken();
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { workshopId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return tx.invitation.create({
      data: {
        workshopId,
        email,
        role,
        tokenHash,
        invitedById: viewer.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
      },
    });
  });

  const url = `${getEnv().APP_URL}/invitations/${token}`;
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "email.invitation" });
  const roleName = createTranslator({ locale, messages: loadMessages(locale), namespace: "roles" })(role);
  await sendMail({
    to: email,
    url,
    subject: t("subject", { title: workshop.title }),
    text: `${t("body", { title: workshop.title, role: roleName })}\n\n${url}\n\n${t("expiry", { days: INVITATION_TTL_DAYS })}\n`,
  });
  return presentInvitation(invitation);
}
