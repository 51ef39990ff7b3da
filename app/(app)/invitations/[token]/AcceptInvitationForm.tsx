"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { acceptInvitationAction } from "./actions";
import { FormStatus } from "@/components/ui/FormStatus";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("invitation");
  const [state, formAction, isPending] = useActionState(acceptInvitationAction.bind(null, token), {});
  return (
    <form action={formAction} className="stack-small">
      <FormStatus state={state} />
      <button type="submit" className="button button-primary" disabled={isPending}>
        {t("accept")}
      </button>
    </form>
  );
}
