"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Stance } from "./types";

interface StanceButtonsProps {
  stance: Stance | null;
  onChange: (stance: Stance | null) => Promise<void>;
  /** Names the lesson, for the group's accessible name. */
  describedBy: string;
}

/**
 * Endorse, dispute, withdraw: a group of toggle buttons that behaves like a radio group (one
 * stance at most; pressing the pressed one again withdraws it).
 */
export function StanceButtons({ stance, onChange, describedBy }: StanceButtonsProps) {
  const t = useTranslations("lessons.stance");
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function choose(next: Stance | null) {
    setIsBusy(true);
    setError(null);
    try {
      await onChange(next);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="stack-small">
      <div role="group" aria-label={t("group")} aria-describedby={describedBy} className="button-row stance-buttons" aria-busy={isBusy || undefined}>
        {(["ENDORSE", "DISPUTE"] as const).map((value) => (
          <button
            key={value}
            type="button"
            className={`button button-small${stance === value ? " button-primary" : ""}`}
            aria-pressed={stance === value}
            disabled={isBusy}
            onClick={() => void choose(stance === value ? null : value)}
          >
            {t(value === "ENDORSE" ? "endorse" : "dispute")}
          </button>
        ))}
        <button type="button" className="button button-small" aria-label={t("withdrawLabel")} disabled={isBusy || stance === null} onClick={() => void choose(null)}>
          {t("withdraw")}
        </button>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
