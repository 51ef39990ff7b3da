"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Plus, Save } from "lucide-react";
import type { ActionState } from "@/lib/page-helpers";
import { FormStatus } from "@/components/ui/FormStatus";
import { useActionToast } from "@/components/ui/toast/use-action-toast";
import type { CodebookOrigin } from "@/lib/workshops/find-codebook-origins";

export interface WorkshopFormValues {
  title: string;
  description: string;
  date: string | null;
  place: string;
  attribution: "CHATHAM_HOUSE" | "ATTRIBUTED";
}

interface WorkshopFormProps {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  initial?: WorkshopFormValues;
  submitLabel: string;
  /** When creating: the workshops whose codebook the new one may start from (those the person organizes). */
  codebookOrigins?: CodebookOrigin[];
}

/** Title, description, date, place and rule of attribution; used to create and to edit. */
export function WorkshopForm({ action, initial, submitLabel, codebookOrigins = [] }: WorkshopFormProps) {
  const t = useTranslations("workshop.form");
  const tToast = useTranslations("toast");
  const [state, formAction, isPending] = useActionState(action, {});
  useActionToast(state, { success: t("saved"), failure: tToast("saveFailed") });
  const errorFor = (field: string) => (state.error && state.field === field ? state.error : null);
  const canChooseAttributed = !initial || initial.attribution === "ATTRIBUTED";

  return (
    <form action={formAction} className="stack">
      <FormStatus state={state} hasInlineFieldErrors />
      <Field id="title" label={t("title")} error={errorFor("title")}>
        <input id="title" name="title" required maxLength={200} defaultValue={initial?.title} aria-invalid={!!errorFor("title") || undefined} aria-describedby={errorFor("title") ? "title-error" : undefined} />
      </Field>
      <Field id="description" label={t("description")} error={errorFor("description")}>
        <textarea id="description" name="description" rows={4} maxLength={5000} defaultValue={initial?.description} />
      </Field>
      <div className="field-row">
        <Field id="date" label={t("date")} error={errorFor("date")}>
          <input id="date" name="date" type="date" defaultValue={initial?.date ?? ""} />
        </Field>
        <Field id="place" label={t("place")} error={errorFor("place")}>
          <input id="place" name="place" maxLength={200} defaultValue={initial?.place} />
        </Field>
      </div>
      <fieldset className="field">
        <legend>{t("attribution")}</legend>
        <label className="choice">
          <input type="radio" name="attribution" value="CHATHAM_HOUSE" defaultChecked={initial?.attribution !== "ATTRIBUTED"} />
          <span>
            <strong>{t("chathamHouse")}</strong> — {t("chathamHouseHint")}
          </span>
        </label>
        {canChooseAttributed && (
          <label className="choice">
            <input type="radio" name="attribution" value="ATTRIBUTED" defaultChecked={initial?.attribution === "ATTRIBUTED"} />
            <span>
              <strong>{t("attributed")}</strong> — {t("attributedHint")}
            </span>
          </label>
        )}
        {!canChooseAttributed && <p className="hint">{t("attributionLocked")}</p>}
      </fieldset>
      {codebookOrigins.length > 0 && (
        <Field id="codebookFrom" label={t("codebookFrom")} error={errorFor("codebookFrom")}>
          <select id="codebookFrom" name="codebookFrom" defaultValue="" aria-describedby="codebookFrom-hint">
            <option value="">{t("codebookFromNone")}</option>
            {codebookOrigins.map((origin) => (
              <option key={origin.id} value={origin.id}>
                {t("codebookFromOption", { title: origin.title, count: origin.themeCount })}
              </option>
            ))}
          </select>
          <p id="codebookFrom-hint" className="hint">
            {t("codebookFromHint")}
          </p>
        </Field>
      )}
      <div>
        <button type="submit" className="button button-primary" disabled={isPending}>
          {initial ? <Save aria-hidden="true" className="icon" /> : <Plus aria-hidden="true" className="icon" />}
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error: string | null; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
