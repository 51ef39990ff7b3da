"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ArrowRight } from "lucide-react";
import { completeProfileAction } from "./actions";
import { FormStatus } from "@/components/ui/FormStatus";

export function WelcomeForm({ returnTo, organization }: { returnTo: string; organization: string }) {
  const t = useTranslations("profile");
  const [state, formAction, isPending] = useActionState(completeProfileAction, {});
  const nameError = state.field === "name" ? state.error : undefined;
  return (
    <form action={formAction} className="stack">
      <FormStatus state={state} hasInlineFieldErrors />
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="field">
        <label htmlFor="welcome-name">{t("name")}</label>
        <input
          id="welcome-name"
          name="name"
          required
          maxLength={100}
          autoComplete="name"
          aria-describedby={nameError ? "welcome-name-hint welcome-name-error" : "welcome-name-hint"}
          aria-invalid={nameError ? true : undefined}
        />
        <p id="welcome-name-hint" className="hint">
          {t("nameHint")}
        </p>
        {nameError && (
          <p id="welcome-name-error" role="alert" className="field-error">
            {nameError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="welcome-organization">{t("organization")}</label>
        <input id="welcome-organization" name="organization" maxLength={200} autoComplete="organization" defaultValue={organization} />
      </div>
      <div>
        <button type="submit" className="button button-primary" disabled={isPending}>
          {t("continue")}
          <ArrowRight aria-hidden="true" className="icon" />
        </button>
      </div>
    </form>
  );
}
