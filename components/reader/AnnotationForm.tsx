"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { PresentedTheme } from "@/lib/themes/present";
import { ThemePicker } from "@/components/themes/ThemePicker";

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
      // A theme merged or deleted while the form was open is no longer the codebook's.
      await onSubmit({ comment, themeIds: themeIds.filter((themeId) => themes.some((theme) => theme.id === themeId)) });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="stack-small annotation-form">
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t("comment")}</label>
        <textarea id={`${id}-comment`} rows={3} maxLength={5000} value={comment} onChange={(event) => setComment(event.target.value)} />
      </div>
      <ThemePicker themes={themes} value={themeIds} onChange={setThemeIds} />
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
