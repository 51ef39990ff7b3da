"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ThemeSwatch } from "@/components/themes/ThemeSwatch";
import type { PresentedTheme } from "@/lib/themes/present";
import { CodebookRequestError, type CodebookApi, type ThemeValues } from "./codebook-api";
import { DeleteThemeDialog } from "./DeleteThemeDialog";
import { MergeThemeControl } from "./MergeThemeControl";
import { ThemeFields } from "./ThemeFields";

interface ThemeEntryProps {
  theme: PresentedTheme;
  index: number;
  count: number;
  others: PresentedTheme[];
  canManage: boolean;
  api: CodebookApi;
  onMove: (direction: "up" | "down") => Promise<void>;
  /** After any change: refetch the codebook and say what happened. */
  onChanged: (announcement: string) => void;
}

/** One theme of the codebook: swatch, name, description; for organizers, edit, move, merge and delete. */
export function ThemeEntry({ theme, index, count, others, canManage, api, onMove, onChanged }: ThemeEntryProps) {
  const t = useTranslations("themes");
  const [draft, setDraft] = useState<ThemeValues | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const headingId = `theme-${theme.id}`;

  async function handleSave(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setIsBusy(true);
    setError(null);
    try {
      await api.update(theme.id, draft);
      setDraft(null);
      onChanged(t("saved"));
    } catch (failure) {
      setError({ message: (failure as Error).message, field: failure instanceof CodebookRequestError ? failure.field : undefined });
    } finally {
      setIsBusy(false);
    }
  }

  async function handleMove(direction: "up" | "down") {
    setError(null);
    try {
      await onMove(direction);
    } catch (failure) {
      setError({ message: (failure as Error).message });
    }
  }

  return (
    <li className="card codebook-entry" aria-labelledby={headingId} data-theme-id={theme.id}>
      <ThemeSwatch color={theme.color} />
      <div className="stack-small">
        <h3 id={headingId} className="codebook-entry-name">
          {theme.name}
          <span className="visually-hidden"> ({t(`colors.${theme.color}`)})</span>
        </h3>
        {theme.description && <p className="codebook-entry-description">{theme.description}</p>}
      </div>
      {error && !draft && (
        <p role="alert" className="field-error codebook-tools">
          {error.message}
        </p>
      )}
      {canManage && !draft && (
        <div className="codebook-tools">
          <button type="button" className="button button-small" aria-label={t("editLabel", { name: theme.name })} onClick={() => setDraft({ name: theme.name, description: theme.description, color: theme.color })}>
            {t("edit")}
          </button>
          <button type="button" className="button button-small" data-move="up" aria-label={t("moveUpLabel", { name: theme.name })} disabled={index === 0} onClick={() => handleMove("up")}>
            {t("moveUp")}
          </button>
          <button type="button" className="button button-small" data-move="down" aria-label={t("moveDownLabel", { name: theme.name })} disabled={index === count - 1} onClick={() => handleMove("down")}>
            {t("moveDown")}
          </button>
          <MergeThemeControl theme={theme} others={others} api={api} onMerged={(target) => onChanged(t("merge.done", { source: theme.name, target: target.name }))} />
          <DeleteThemeDialog theme={theme} api={api} onDeleted={() => onChanged(t("delete.done", { name: theme.name }))} />
        </div>
      )}
      {draft && (
        <form onSubmit={handleSave} className="stack-small" aria-label={t("editLabel", { name: theme.name })}>
          <ThemeFields values={draft} onChange={setDraft} error={error} autoFocus />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={isBusy}>
              {t("save")}
            </button>
            <button type="button" className="button" onClick={() => (setDraft(null), setError(null))}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
