"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { nextThemeColor } from "@/lib/themes/palette";
import type { PresentedTheme, PresentedThemeProposal } from "@/lib/themes/present";
import { useWhen } from "@/components/reader/use-when";
import { CodebookRequestError, type CodebookApi, type ThemeValues } from "./codebook-api";
import { ThemeFields } from "./ThemeFields";

interface ProposalItemProps {
  proposal: PresentedThemeProposal;
  themes: PresentedTheme[];
  canDecide: boolean;
  api: CodebookApi;
  onDecided: (announcement: string) => void;
}

type Mode = { kind: "view" } | { kind: "edit"; values: ThemeValues } | { kind: "decline"; response: string };

/** A proposal as everyone sees it (never who made it); organizers accept, edit then accept, or decline it. */
export function ProposalItem({ proposal, themes, canDecide, api, onDecided }: ProposalItemProps) {
  const t = useTranslations("themes");
  const when = useWhen();
  const id = useId();
  const [mode, setMode] = useState<Mode>({ kind: "view" });
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isPending = proposal.status === "PENDING";

  async function attempt(work: () => Promise<string>) {
    setIsBusy(true);
    setError(null);
    try {
      const announcement = await work();
      setMode({ kind: "view" });
      onDecided(announcement);
    } catch (failure) {
      setError({ message: (failure as Error).message, field: failure instanceof CodebookRequestError ? failure.field : undefined });
    } finally {
      setIsBusy(false);
    }
  }

  const accept = (edits?: ThemeValues) =>
    attempt(async () => {
      const { theme } = await api.accept(proposal.id, edits);
      return t("proposals.accepted", { name: theme.name });
    });

  function handleEdited(event: FormEvent) {
    event.preventDefault();
    if (mode.kind === "edit") void accept(mode.values);
  }

  function handleDecline(event: FormEvent) {
    event.preventDefault();
    if (mode.kind === "decline") void attempt(async () => (await api.decline(proposal.id, mode.response), t("proposals.declined")));
  }

  return (
    <li className="card stack-small proposal" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="card-title">
        {proposal.name}
        {proposal.mine && <span className="badge">{t("proposals.mine")}</span>}
      </h3>
      <p className="meta">
        <span className={`proposal-status proposal-status-${proposal.status}`}>{t(`proposals.status.${proposal.status}`)}</span>
        <span>{when(proposal.when)}</span>
      </p>
      {proposal.description && <p className="codebook-entry-description">{proposal.description}</p>}
      {proposal.reason && (
        <p>
          <strong>{t("proposals.why")}</strong> {proposal.reason}
        </p>
      )}
      {proposal.response && (
        <p>
          <strong>{t("proposals.answer")}</strong> {proposal.response}
        </p>
      )}
      {error && mode.kind === "view" && (
        <p role="alert" className="field-error">
          {error.message}
        </p>
      )}
      {canDecide && isPending && mode.kind === "view" && (
        <div className="button-row">
          <button type="button" className="button button-small button-primary" disabled={isBusy} aria-label={t("proposals.acceptLabel", { name: proposal.name })} onClick={() => accept()}>
            {t("proposals.accept")}
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label={t("proposals.editAcceptLabel", { name: proposal.name })}
            onClick={() => setMode({ kind: "edit", values: { name: proposal.name, description: proposal.description, color: nextThemeColor(themes.map((theme) => theme.color)) } })}
          >
            {t("proposals.editAccept")}
          </button>
          <button type="button" className="button button-small button-danger" aria-label={t("proposals.declineLabel", { name: proposal.name })} onClick={() => setMode({ kind: "decline", response: "" })}>
            {t("proposals.decline")}
          </button>
        </div>
      )}
      {mode.kind === "edit" && (
        <form onSubmit={handleEdited} className="stack-small" aria-label={t("proposals.editAcceptLabel", { name: proposal.name })}>
          <ThemeFields values={mode.values} onChange={(values) => setMode({ kind: "edit", values })} error={error} autoFocus />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={isBusy}>
              {t("proposals.acceptEdited")}
            </button>
            <button type="button" className="button" onClick={() => (setMode({ kind: "view" }), setError(null))}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      {mode.kind === "decline" && (
        <form onSubmit={handleDecline} className="stack-small">
          <div className="field">
            <label htmlFor={`${id}-response`}>{t("proposals.declineReason")}</label>
            <textarea id={`${id}-response`} rows={2} maxLength={500} required autoFocus value={mode.response} onChange={(event) => setMode({ kind: "decline", response: event.target.value })} aria-invalid={!!error || undefined} />
            {error && (
              <p role="alert" className="field-error">
                {error.message}
              </p>
            )}
          </div>
          <div className="button-row">
            <button type="submit" className="button button-danger" disabled={isBusy}>
              {t("proposals.declineSubmit")}
            </button>
            <button type="button" className="button" onClick={() => (setMode({ kind: "view" }), setError(null))}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
