"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import type { GuardWarning } from "@/lib/notes/guard/types";
import { useAttempt } from "@/components/ui/use-attempt";
import { GuardWarningItem } from "./GuardWarningItem";
import { WarningDescription } from "./WarningDescription";
import type { NoteGuardState } from "./use-note-guard";

interface Props extends NoteGuardState {
  /** Whether the viewer may dismiss warnings (those who may edit the note now). */
  canDismiss: boolean;
  /** Scrolls the editor to the warning's words (blockIndex, from, to: see ./editor-blocks.ts). */
  onShow?: (warning: GuardWarning) => void;
  onDismiss: (fingerprint: string, reason: string) => Promise<void>;
  onUndo: (fingerprint: string) => Promise<void>;
}

/**
 * The attribution guard beside the note: the open warnings, live (the editor re-checks a second
 * after the document changes: useNoteGuard), each with "Show" and "Dismiss", and the dismissed
 * ones with their reasons and "Undo".
 */
export function GuardPanel({ warnings, dismissed, isChecking, error, canDismiss, onShow, onDismiss, onUndo }: Props) {
  const t = useTranslations("note.guard");
  const titleId = useId();
  const undo = useAttempt();
  return (
    <aside className="stack-small guard-panel" aria-labelledby={titleId} aria-busy={isChecking || undefined}>
      <h2 id={titleId}>{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      <p role="status" className="badge">
        {isChecking && warnings.length === 0 ? t("checking") : t("count", { count: warnings.length })}
      </p>
      {error && (
        <p role="alert" className="notice notice-error">
          {t("failed", { message: error })}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="card-list stack-small">
          {warnings.map((warning) => (
            <GuardWarningItem key={`${warning.fingerprint}:${warning.blockIndex}:${warning.from}`} warning={warning} canDismiss={canDismiss} onShow={onShow} onDismiss={onDismiss} />
          ))}
        </ul>
      )}
      {dismissed.length > 0 && (
        <details>
          <summary>{t("dismissed", { count: dismissed.length })}</summary>
          {undo.error && (
            <p role="alert" className="notice notice-error">
              {undo.error}
            </p>
          )}
          <ul className="card-list stack-small">
            {dismissed.map((warning) => (
              <li key={`${warning.fingerprint}:${warning.blockIndex}:${warning.from}`} className="card stack-small">
                <p>
                  <WarningDescription warning={warning} />
                </p>
                <p className="hint">{t("dismissedReason", { reason: warning.dismissedReason ?? "" })}</p>
                {canDismiss && (
                  <button type="button" className="button button-small" aria-label={t("undoLabel", { excerpt: warning.excerpt })} onClick={() => void undo.attempt(() => onUndo(warning.fingerprint))}>
                    {t("undo")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
