"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { inviteMemberAction } from "../actions";
import { ROLES } from "../../_components/roles";
import { FormStatus } from "@/components/ui/FormStatus";
import { useActionToast } from "@/components/ui/toast/use-action-toast";

export function InviteForm({ workshopId }: { workshopId: string }) {
  const t = useTranslations("members.invite");
  const tRoles = useTranslations("roles");
  const [state, formAction, isPending] = useActionState(inviteMemberAction.bind(null, workshopId), {});
  useActionToast(state, { success: t("sent"), failure: t("failed") });
  return (
    <section aria-labelledby="invite-heading" className="card stack-small">
      <h2 id="invite-heading">{t("title")}</h2>
      <form action={formAction} className="field-row align-end">
        <div className="field grow">
          <label htmlFor="invite-email">{t("email")}</label>
          <input id="invite-email" name="email" type="email" required maxLength={254} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="invite-role">{t("role")}</label>
          <select id="invite-role" name="role" defaultValue="PARTICIPANT">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={isPending}>
          {t("send")}
        </button>
      </form>
      <FormStatus state={state} />
    </section>
  );
}
