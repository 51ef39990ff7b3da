"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Ban } from "lucide-react";
import type { PresentedInvitation } from "@/lib/invitations/present";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { revokeInvitationAction } from "../actions";

export function PendingInvitationRow({ workshopId, invitation, canRevoke }: { workshopId: string; invitation: PresentedInvitation; canRevoke: boolean }) {
  const t = useTranslations("members");
  const tRoles = useTranslations("roles");
  const tConfirm = useTranslations("confirm");
  const format = useFormatter();
  return (
    <li className="card invitation-row">
      <span>
        {invitation.email} · {tRoles(invitation.role)} ·{" "}
        <span className="hint">{t("expires", { date: format.dateTime(new Date(invitation.expiresAt), { dateStyle: "medium" }) })}</span>
      </span>
      {canRevoke && (
        <ConfirmDialog
          trigger={
            <button type="button" className="button button-small">
              <Ban aria-hidden="true" className="icon" />
              {t("revoke")}
              <span className="visually-hidden"> {invitation.email}</span>
            </button>
          }
          title={tConfirm("revokeInvitation.title", { email: invitation.email })}
          description={<p>{tConfirm("revokeInvitation.body")}</p>}
          confirmLabel={tConfirm("revokeInvitation.confirm")}
          cancelLabel={tConfirm("cancel")}
          onConfirm={async () => {
            const result = await revokeInvitationAction(workshopId, invitation.id);
            if (result.error) throw new Error(result.error);
          }}
        />
      )}
    </li>
  );
}
