"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { PresentedTheme } from "@/lib/themes/present";
import type { ThemeUsage } from "@/lib/themes/count-theme-usage";
import type { CodebookApi } from "./codebook-api";

interface DeleteThemeDialogProps {
  theme: PresentedTheme;
  api: CodebookApi;
  onDeleted: () => void;
}

/** Delete, after a dialog that says how many annotations and lessons the theme is on (counted when it opens). */
export function DeleteThemeDialog({ theme, api, onDeleted }: DeleteThemeDialogProps) {
  const t = useTranslations("themes");
  const [usage, setUsage] = useState<ThemeUsage | null>(null);
  const [error, setError] = useState<string | null>(null);

  function handleOpen() {
    setUsage(null);
    setError(null);
    api.usage(theme.id).then(
      (result) => setUsage(result.usage),
      (failure: Error) => setError(failure.message),
    );
  }

  return (
    <ConfirmDialog
      trigger={
        <button type="button" className="button button-small button-danger" onClick={handleOpen} aria-label={t("delete.buttonLabel", { name: theme.name })}>
          {t("delete.button")}
        </button>
      }
      title={t("delete.title", { name: theme.name })}
      description={
        <div className="stack-small" aria-live="polite">
          {error ? (
            <p>{error}</p>
          ) : !usage ? (
            <p>{t("delete.counting")}</p>
          ) : (
            <>
              <p>{t("delete.annotations", { count: usage.annotations, untagged: usage.annotationsOnlyThisTheme })}</p>
              {usage.lessons > 0 && <p>{t("delete.lessons", { count: usage.lessons, untagged: usage.lessonsOnlyThisTheme })}</p>}
              <p>{t("delete.final")}</p>
            </>
          )}
        </div>
      }
      confirmLabel={t("delete.confirm")}
      cancelLabel={t("cancel")}
      onConfirm={async () => {
        await api.remove(theme.id);
        onDeleted();
      }}
    />
  );
}
