"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { PresentedTheme } from "@/lib/themes/present";
import type { ThemeUsage } from "@/lib/themes/count-theme-usage";
import type { CodebookApi } from "./codebook-api";

interface MergeThemeControlProps {
  theme: PresentedTheme;
  /** The other themes of the codebook: the possible targets. */
  others: PresentedTheme[];
  api: CodebookApi;
  onMerged: (target: PresentedTheme) => void;
}

/** Choose a target, then confirm in a dialog that says how many annotations and lessons move to it. */
export function MergeThemeControl({ theme, others, api, onMerged }: MergeThemeControlProps) {
  const t = useTranslations("themes");
  const id = useId();
  const [targetId, setTargetId] = useState("");
  const [usage, setUsage] = useState<ThemeUsage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const target = others.find((other) => other.id === targetId);

  function handleOpen() {
    setUsage(null);
    setError(null);
    api.usage(theme.id).then(
      (result) => setUsage(result.usage),
      (failure: Error) => setError(failure.message),
    );
  }

  if (others.length === 0) return null;
  const names = { source: theme.name, target: target?.name ?? "" };
  return (
    <span className="inline-form">
      <label htmlFor={`${id}-target`} className="visually-hidden">
        {t("merge.label", { name: theme.name })}
      </label>
      <select id={`${id}-target`} value={targetId} onChange={(event) => setTargetId(event.target.value)}>
        <option value="">{t("merge.choose")}</option>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {other.name}
          </option>
        ))}
      </select>
      <ConfirmDialog
        trigger={
          <button type="button" className="button button-small" onClick={handleOpen} disabled={!target} aria-label={t("merge.buttonLabel", { name: theme.name })}>
            {t("merge.button")}
          </button>
        }
        title={t("merge.title", names)}
        description={
          <div className="stack-small" aria-live="polite">
            {error ? (
              <p>{error}</p>
            ) : !usage ? (
              <p>{t("delete.counting")}</p>
            ) : (
              <>
                <p>{t("merge.annotations", { count: usage.annotations, ...names })}</p>
                {usage.lessons > 0 && <p>{t("merge.lessons", { count: usage.lessons, ...names })}</p>}
                <p>{t("merge.final", names)}</p>
              </>
            )}
          </div>
        }
        confirmLabel={t("merge.confirm")}
        cancelLabel={t("cancel")}
        onConfirm={async () => {
          const result = await api.merge(theme.id, targetId);
          onMerged(result.target);
        }}
      />
    </span>
  );
}
