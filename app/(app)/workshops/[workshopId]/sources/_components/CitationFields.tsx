"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { SOURCE_TITLE_MAX } from "@/lib/sources/limits";

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: (describedBy: string | undefined) => ReactNode;
}

/** A labelled field with its hint and error, both tied to the control by aria-describedby. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children(describedBy)}
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A title field the form fills in (from the file or the text) and the person can change. */
export interface TitleControl {
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}

/** Title, authors, publisher, date, URL and short form: the citation of a source. */
export function CitationFields({ errorFor, title }: { errorFor: (field: string) => string | null; title?: TitleControl }) {
  const t = useTranslations("sourceForm");
  // Field's children for a text input: a render function (not a component) that Field calls with
  // the ids of the hint and error describing the input. Named, so it is not taken for an
  // anonymous component.
  const input = (id: string, maxLength: number, extra: { required?: boolean; type?: string } = {}) =>
    function renderInput(describedBy?: string) {
      return <input id={id} name={id} maxLength={maxLength} aria-describedby={describedBy} aria-invalid={!!errorFor(id) || undefined} {...extra} />;
    };
  return (
    <fieldset className="stack-small field">
      <legend>{t("citation")}</legend>
      <Field id="title" label={t("sourceTitle")} hint={title?.hint} error={errorFor("title")}>
        {title
          ? (describedBy) => (
              <input
                id="title"
                name="title"
                maxLength={SOURCE_TITLE_MAX}
                required
                value={title.value}
                onChange={(event) => title.onChange(event.currentTarget.value)}
                aria-describedby={describedBy}
                aria-invalid={!!errorFor("title") || undefined}
              />
            )
          : input("title", SOURCE_TITLE_MAX, { required: true })}
      </Field>
      <Field id="authors" label={t("authors")} hint={t("authorsHint")} error={errorFor("authors")}>
        {(describedBy) => <textarea id="authors" name="authors" rows={2} aria-describedby={describedBy} aria-invalid={!!errorFor("authors") || undefined} />}
      </Field>
      <div className="field-row">
        <Field id="publisher" label={t("publisher")} error={errorFor("publisher")}>
          {input("publisher", 300)}
        </Field>
        <Field id="publishedOn" label={t("publishedOn")} hint={t("publishedOnHint")} error={errorFor("publishedOn")}>
          {input("publishedOn", 100)}
        </Field>
      </div>
      <Field id="url" label={t("url")} error={errorFor("url")}>
        {input("url", 2000, { type: "url" })}
      </Field>
      <Field id="shortCitation" label={t("shortCitation")} hint={t("shortCitationHint")} error={errorFor("shortCitation")}>
        {input("shortCitation", 300)}
      </Field>
    </fieldset>
  );
}
