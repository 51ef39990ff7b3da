"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import type { ThemeValues } from "./codebook-api";
import { ColorPicker } from "./ColorPicker";

interface ThemeFieldsProps {
  values: ThemeValues;
  onChange: (values: ThemeValues) => void;
  /** The field the server refused, with its message. */
  error?: { message: string; field?: string } | null;
  /** Focus the name when the fields appear (inline edit). */
  autoFocus?: boolean;
}

/** Name, description and colour of a theme: creating, editing, and editing a proposal before accepting it. */
export function ThemeFields({ values, onChange, error, autoFocus }: ThemeFieldsProps) {
  const t = useTranslations("themes");
  const id = useId();
  const nameError = error && (error.field === "name" || !error.field) ? error.message : null;
  const descriptionError = error?.field === "description" ? error.message : null;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("name")}</label>
        <input
          id={`${id}-name`}
          value={values.name}
          onChange={(event) => onChange({ ...values, name: event.target.value })}
          required
          maxLength={80}
          autoFocus={autoFocus}
          aria-invalid={!!nameError || undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
        />
        {nameError && (
          <p id={`${id}-name-error`} role="alert" className="field-error">
            {nameError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t("description")}</label>
        <textarea
          id={`${id}-description`}
          value={values.description}
          onChange={(event) => onChange({ ...values, description: event.target.value })}
          rows={2}
          maxLength={1000}
          aria-invalid={!!descriptionError || undefined}
        />
        {descriptionError && (
          <p role="alert" className="field-error">
            {descriptionError}
          </p>
        )}
      </div>
      <ColorPicker name={`${id}-color`} value={values.color} onChange={(color) => onChange({ ...values, color })} />
    </>
  );
}
