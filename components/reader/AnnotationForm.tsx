"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { PresentedTheme } from "@/lib/themes/present";

interface AnnotationFormProps {
  themes: PresentedTheme[];
  initial?: { comment: string; themeIds: string[] };
  submitLabel: string;
  onSubmit: (values: { comment: string; themeIds: string[] }) => Promise<void>;
  onCancel: () => void;
}

/** Comment and themes of an annotation, for a new highlight or an edit. */
export function AnnotationForm({ themes, initial, submitLabel, onSubmit, onCancel }: AnnotationFormProps) {
  const t = useTranslations("reader");
  const id = useId();
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [themeIds, setThemeIds] = useState<string[]>(initial?.themeIds ?? []);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    try {
      await onSubmit({ comment, themeIds });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setIsSaving(false);
    }
  }

  function toggleTheme(themeId: string) {
    setThemeIds((current) => (current.includes(themeId) ? current.filter((other) => other !== themeId) : [...current, themeId]));
  }

  return (
    <form onSubmit={handleSubmit} className="stack-small annotation-form">
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t("comment")}</label>
        <textarea id={`${id}-comment`} rows={3} maxLength={5000} value={comment} onChange={(event) => setComment(event.target.value)} />
      </div>
      {themes.length > 0 && (
        <fieldset className="field">
          <legend>{t("themes")}</legend>
          {themes.map((theme) => (
            <label key={theme.id} className="choice">
              <input type="checkbox" checked={themeIds.includes(theme.id)} onChange={() => toggleTheme(theme.id)} />
              <span>{theme.name}</span>
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={isSaving}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
