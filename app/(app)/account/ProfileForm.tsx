"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Save } from "lucide-react";
import { updateProfileAction } from "./actions";
import { FormStatus } from "@/components/ui/FormStatus";
import { useActionToast } from "@/components/ui/toast/use-action-toast";

export function ProfileForm({ profile }: { profile: { name: string; organization: string; email: string } }) {
  const t = useTranslations("account");
  const tToast = useTranslations("toast");
  const [state, formAction, isPending] = useActionState(updateProfileAction, {});
  useActionToast(state, { success: t("saved"), failure: tToast("saveFailed") });
  return (
    <form action={formAction} className="stack">
      <FormStatus state={state} />
      <div className="field">
        <label htmlFor="profile-email">{t("email")}</label>
        <input id="profile-email" value={profile.email} readOnly />
      </div>
      <div className="field">
        <label htmlFor="profile-name">{t("name")}</label>
        <input id="profile-name" name="name" maxLength={100} autoComplete="name" defaultValue={profile.name} />
      </div>
      <div className="field">
        <label htmlFor="profile-organization">{t("organization")}</label>
        <input id="profile-organization" name="organization" maxLength={200} autoComplete="organization" defaultValue={profile.organization} />
      </div>
      <div>
        <button type="submit" className="button button-primary" disabled={isPending}>
          <Save aria-hidden="true" className="icon" />
          {t("save")}
        </button>
      </div>
    </form>
  );
}
