"use client";

import { useId, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_THRESHOLDS, ZConsensusThresholds, type ConsensusThresholds } from "@/lib/consensus/consensus";
import { methodsSentence } from "@/lib/consensus/wording";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import type { ActionState } from "@/lib/page-helpers";
import "./lessons.css";
import { FormStatus } from "@/components/ui/FormStatus";
import { useActionToast } from "@/components/ui/toast/use-action-toast";

/** What the form edits and saves: null thresholds are the defaults. */
export interface LessonSettings {
  holdStances: boolean;
  consensusThresholds: ConsensusThresholds | null;
}


type Key = keyof ConsensusThresholds;
const KEYS = Object.keys(ZConsensusThresholds.shape) as Key[];
/** Shares are edited as percentages; the count of "a few" as a number. */
const isCount = (key: Key) => key === "fewMax";
const shown = (key: Key, value: number) => (isCount(key) ? value : Math.round(value * 1000) / 10);
const stored = (key: Key, value: number) => (isCount(key) ? value : value / 100);

/** The bounds of each threshold, as the schema states them. */
function boundsOf(key: Key): { min: number; max: number } {
  const field = ZConsensusThresholds.shape[key];
  return { min: shown(key, field.minValue ?? 0), max: shown(key, field.maxValue ?? 1) };
}

/** The workshop's lesson settings: stances held until revealed, and the consensus thresholds. */
export function LessonSettingsForm({ initial, onSave }: { initial: LessonSettings; onSave: (settings: LessonSettings) => Promise<ActionState> }) {
  const t = useTranslations("lessons.settings");
  const tErrors = useTranslations("errors");
  const tToast = useTranslations("toast");
  const locale = useLocale();
  const id = useId();
  const [holdStances, setHoldStances] = useState(initial.holdStances);
  const [fields, setFields] = useState(() => Object.fromEntries(KEYS.map((key) => [key, String(shown(key, (initial.consensusThresholds ?? DEFAULT_THRESHOLDS)[key]))])) as Record<Key, string>);
  const [isDefault, setIsDefault] = useState(initial.consensusThresholds === null);
  const [state, setState] = useState<ActionState>({});
  useActionToast(state, { success: t("saved"), failure: tToast("saveFailed") });
  const [isBusy, setIsBusy] = useState(false);

  const parsed = ZConsensusThresholds.safeParse(Object.fromEntries(KEYS.map((key) => [key, stored(key, Number(fields[key]))])));
  const thresholds = isDefault ? DEFAULT_THRESHOLDS : parsed.success ? parsed.data : null;
  const problem = parsed.success ? null : parsed.error.issues[0]?.message;

  function reset() {
    setFields(Object.fromEntries(KEYS.map((key) => [key, String(shown(key, DEFAULT_THRESHOLDS[key]))])) as Record<Key, string>);
    setIsDefault(true);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!thresholds) return;
    setIsBusy(true);
    setState(await onSave({ holdStances, consensusThresholds: isDefault ? null : thresholds }));
    setIsBusy(false);
  }

  return (
    <section className="card stack-small lesson-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("title")}</h2>
      <form className="stack-small" onSubmit={handleSubmit}>
        <label className="choice">
          <input type="checkbox" checked={holdStances} aria-describedby={`${id}-hold-hint`} onChange={(event) => setHoldStances(event.target.checked)} />
          <span>{t("holdStances")}</span>
        </label>
        <p className="hint" id={`${id}-hold-hint`}>
          {t("holdStancesHint")}
        </p>
        <fieldset className="field stack-small">
          <legend>{t("thresholds")}</legend>
          <p className="hint">{t("thresholdsHint")}</p>
          {KEYS.map((key) => {
            const { min, max } = boundsOf(key);
            return (
              <div className="field" key={key}>
                <label htmlFor={`${id}-${key}`}>{t(key)}</label>
                <input
                  id={`${id}-${key}`}
                  type="number"
                  min={min}
                  max={max}
                  step={isCount(key) ? 1 : 0.1}
                  value={fields[key]}
                  aria-describedby={`${id}-${key}-bounds`}
                  onChange={(event) => {
                    setFields((current) => ({ ...current, [key]: event.target.value }));
                    setIsDefault(false);
                  }}
                />
                <p className="hint" id={`${id}-${key}-bounds`}>
                  {t("bounds", { min, max })}
                </p>
              </div>
            );
          })}
          {!isDefault && problem && (
            <p role="alert" className="field-error">
              {tErrors.has(`fields.${problem}` as "generic") ? tErrors(`fields.${problem}` as "generic") : tErrors("fields.invalid")}
            </p>
          )}
          <p>
            <button type="button" className="button button-small" onClick={reset}>
              {t("reset")}
            </button>
          </p>
        </fieldset>
        {thresholds && (
          <div className="stack-small">
            <h3>{t("methods")}</h3>
            <p className="methods-sentence">{methodsSentence(isLocale(locale) ? locale : DEFAULT_LOCALE, thresholds)}</p>
          </div>
        )}
        <FormStatus state={state} />
        <button type="submit" className="button button-primary" disabled={isBusy || !thresholds}>
          {t("save")}
        </button>
      </form>
    </section>
  );
}
