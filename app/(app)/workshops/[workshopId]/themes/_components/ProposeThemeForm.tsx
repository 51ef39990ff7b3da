"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { CodebookRequestError, type CodebookApi } from "./codebook-api";

/** Rapporteurs and participants propose a theme, with why; the organizers decide. */
export function ProposeThemeForm({ api, onProposed }: { api: CodebookApi; onProposed: () => void }) {
  const t = useTranslations("themes");
  const id = useId();
  const [values, setValues] = useState({ name: "", description: "", reason: "" });
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [sent, setSent] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const nameError = error && (error.field === "name" || !error.field) ? error.message : null;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    setSent(false);
    try {
      await api.propose(values);
      setValues({ name: "", description: "", reason: "" });
      setSent(true);
      onProposed();
    } catch (failure) {
      setError({ message: (failure as Error).message, field: failure instanceof CodebookRequestError ? failure.field : undefined });
    } finally {
      setIsBusy(false);
    }
  }

  const field = (name: "description" | "reason", label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <textarea id={`${id}-${name}`} rows={2} maxLength={1000} value={values[name]} onChange={(event) => setValues({ ...values, [name]: event.target.value })} />
      {error?.field === name && (
        <p role="alert" className="field-error">
          {error.message}
        </p>
      )}
    </div>
  );

  return (
    <section aria-labelledby={`${id}-heading`} className="card stack-small">
      <h2 id={`${id}-heading`}>{t("proposals.proposeTitle")}</h2>
      <p className="hint">{t("proposals.proposeHint")}</p>
      <form onSubmit={handleSubmit} className="stack-small">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("name")}</label>
          <input
            id={`${id}-name`}
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.target.value })}
            required
            maxLength={80}
            aria-invalid={!!nameError || undefined}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
          />
          {nameError && (
            <p id={`${id}-name-error`} role="alert" className="field-error">
              {nameError}
            </p>
          )}
        </div>
        {field("description", t("description"))}
        {field("reason", t("proposals.reason"))}
        <div>
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t("proposals.submit")}
          </button>
        </div>
        {sent && (
          <p role="status" className="notice notice-success">
            {t("proposals.sent")}
          </p>
        )}
      </form>
    </section>
  );
}
