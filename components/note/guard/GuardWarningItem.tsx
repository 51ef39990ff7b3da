"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { MAX_DISMISSAL_REASON, type GuardWarning } from "@/lib/notes/guard/types";
import { useAttempt } from "@/components/ui/use-attempt";
import { WarningDescription } from "./WarningDescription";

interface Props {
  warning: GuardWarning;
  canDismiss: boolean;
  onShow?: (warning: GuardWarning) => void;
  onDismiss: (fingerprint: string, reason: string) => Promise<void>;
}

/** One open warning: what it is, "Show" (the editor selects the words), and "Dismiss" with a reason. */
export function GuardWarningItem({ warning, canDismiss, onShow, onDismiss }: Props) {
  const t = useTranslations("note.guard");
  const [isDismissing, setIsDismissing] = useState(false);
  const [reason, setReason] = useState("");
  const { error, attempt } = useAttempt();
  const reasonId = useId();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void attempt(async () => {
      await onDismiss(warning.fingerprint, reason);
      setIsDismissing(false);
      setReason("");
    });
  }

  return (
    <li className="card stack-small" data-guard-kind={warning.kind}>
      <p>
        <WarningDescription warning={warning} />
      </p>
      <div className="button-row">
        {onShow && (
          <button type="button" className="button button-small" aria-label={t("showLabel", { excerpt: warning.excerpt })} onClick={() => onShow(warning)}>
            {t("show")}
          </button>
        )}
        {canDismiss && !isDismissing && (
          <button type="button" className="button button-small button-quiet" aria-label={t("dismissLabel", { excerpt: warning.excerpt })} onClick={() => setIsDismissing(true)}>
            {t("dismiss")}
          </button>
        )}
      </div>
      {isDismissing && (
        <form className="stack-small" onSubmit={handleSubmit}>
          <div className="field">
            <label htmlFor={reasonId}>{t("reasonLabel")}</label>
            <textarea
              id={reasonId}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={MAX_DISMISSAL_REASON}
              required
              rows={2}
              aria-describedby={`${reasonId}-hint`}
              autoFocus
            />
            <p id={`${reasonId}-hint`} className="hint">
              {t("reasonHint")}
            </p>
          </div>
          {error && (
            <p role="alert" className="notice notice-error">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button button-primary button-small">
              {t("confirmDismiss")}
            </button>
            <button type="button" className="button button-small" onClick={() => setIsDismissing(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
