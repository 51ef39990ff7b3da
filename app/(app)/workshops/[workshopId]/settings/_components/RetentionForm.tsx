"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/page-helpers";
import type { PresentedRetention } from "@/lib/retention/schedule";
import { FormStatus } from "@/components/ui/FormStatus";
import { RetentionSummary } from "@/components/retention/RetentionSummary";

const CHOICES = [30, 90, 180, 365] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

interface RetentionFormProps {
  retention: PresentedRetention;
  onSave: (input: { retentionDays: number | null }) => Promise<ActionState>;
}

/** "Keep only what must be kept": how long after closing raw contributions are deleted, and exactly what and when. */
export function RetentionForm({ retention, onSave }: RetentionFormProps) {
  const t = useTranslations("retention");
  const id = useId();
  const [days, setDays] = useState<number | null>(retention.days);
  const [state, setState] = useState<ActionState>({});
  const [isBusy, setIsBusy] = useState(false);
  const choices = retention.days === null || CHOICES.includes(retention.days as (typeof CHOICES)[number]) ? CHOICES : [...CHOICES, retention.days].sort((a, b) => a - b);
  // What the choice would mean, before it is saved: counted from the day the workshop was closed.
  const dueOn = days !== null && retention.closedOn ? new Date(new Date(`${retention.closedOn}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10) : null;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setState(await onSave({ retentionDays: days }));
    setIsBusy(false);
  }

  return (
    <section className="card stack-small" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("heading")}</h2>
      {retention.appliedOn ? (
        <RetentionSummary retention={retention} />
      ) : (
        <form className="stack-small" onSubmit={handleSubmit}>
          <div className="field">
            <label htmlFor={`${id}-days`}>{t("label")}</label>
            <select id={`${id}-days`} value={days ?? ""} onChange={(event) => setDays(event.target.value ? Number(event.target.value) : null)}>
              <option value="">{t("off")}</option>
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {t("days", { days: choice })}
                </option>
              ))}
            </select>
          </div>
          <RetentionSummary retention={{ days, dueOn, appliedOn: null }} />
          <FormStatus state={state} success={t("saved")} />
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t("save")}
          </button>
        </form>
      )}
    </section>
  );
}
