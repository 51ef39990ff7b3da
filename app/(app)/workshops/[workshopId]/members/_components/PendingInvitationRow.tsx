"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { PresentedInvitation } from "@/lib/invitations/present";
import { revokeInvitationAction } from "../actions";

export function PendingInvitationRow({ workshopId, invitation, canRevoke }: { workshopId: string; invitation: PresentedInvitation; canRevoke: boolean }) {
  const t = useTranslations("members");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const [state, action, isPending] = useActionState(revokeInvitationAction.bind(null, workshopId, invitation.id), {});
  return (
    <li className="card invitation-row">
      <span>
        {invitation.email} · {tRoles(invitation.role)} ·{" "}
        <span className="hint">{t("expires", { date: format.dateTime(new Date(invitation.expiresAt), { dateStyle: "medium" }) })}</span>
      </span>
      {canRevoke && (
        <form action={action}>
          <button type="submit" className="button button-small" disabled={isPending}>
            {t("revoke")}
            <span className="visually-hidden"> {invitation.email}</span>
          </button>
        </form>
      )}
      {state.error && (
        <p role="alert" className="field-error">
          {state.error}
        </p>
      )}
    </li>
  );
}
