"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Plus } from "lucide-react";
import { EmptyState } from "@/components/ui/EmptyState";
import { FocusButton } from "@/components/ui/FocusButton";
import type { PresentedTheme, PresentedThemeProposal } from "@/lib/themes/present";
import { subscribeToWorkshop } from "@/components/realtime/connect";
import { useCodebookApi } from "./codebook-api";
import { CodebookFiles } from "./CodebookFiles";
import { CreateThemeForm } from "./CreateThemeForm";
import { ProposalItem } from "./ProposalItem";
import { ProposeThemeForm } from "./ProposeThemeForm";
import { ThemeEntry } from "./ThemeEntry";
import "./codebook.css";

interface CodebookProps {
  workshopId: string;
  initialThemes: PresentedTheme[];
  initialProposals: PresentedThemeProposal[];
  canManage: boolean;
  canPropose: boolean;
}

/**
 * The codebook page's live part: the themes in order and the proposals, fetched again whenever
 * `codebook:changed` arrives (anyone's change, proposals included) and after one's own changes.
 */
export function Codebook({ workshopId, initialThemes, initialProposals, canManage, canPropose }: CodebookProps) {
  const t = useTranslations("themes");
  const tEmpty = useTranslations("empty.themes");
  const api = useCodebookApi(workshopId);
  const [themes, setThemes] = useState(initialThemes);
  const [proposals, setProposals] = useState(initialProposals);
  const [announcement, setAnnouncement] = useState("");
  // After a move the list re-renders in its new order: the focus follows the moved theme.
  const focusAfterMove = useRef<{ themeId: string; direction: "up" | "down" } | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [next, nextProposals] = await Promise.all([api.themes(), api.proposals()]);
      setThemes(next.themes);
      setProposals(nextProposals.proposals);
    } catch {
      // Keep what is shown; the next change or a reload brings it up to date.
    }
  }, [api]);

  useEffect(() => subscribeToWorkshop(workshopId, { "codebook:changed": () => void refresh() }), [workshopId, refresh]);

  useEffect(() => {
    const pending = focusAfterMove.current;
    if (!pending) return;
    focusAfterMove.current = null;
    const entry = document.querySelector(`[data-theme-id="${CSS.escape(pending.themeId)}"]`);
    const same = entry?.querySelector<HTMLButtonElement>(`[data-move="${pending.direction}"]`);
    const other = entry?.querySelector<HTMLButtonElement>(`[data-move="${pending.direction === "up" ? "down" : "up"}"]`);
    (same && !same.disabled ? same : other)?.focus();
  }, [themes]);

  /** After one's own change: say what happened (unless the form already says it), and refetch. */
  function changed(message?: string) {
    if (message) setAnnouncement(message);
    void refresh();
  }

  async function move(theme: PresentedTheme, direction: "up" | "down") {
    const { themes: reordered } = await api.move(theme.id, direction);
    focusAfterMove.current = { themeId: theme.id, direction };
    setThemes(reordered);
    const position = reordered.findIndex((other) => other.id === theme.id) + 1;
    setAnnouncement(t("moved", { name: theme.name, position, count: reordered.length }));
  }

  const pending = proposals.filter((proposal) => proposal.status === "PENDING");
  return (
    <div className="codebook-layout">
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <div className="stack">
        <section aria-labelledby="codebook-heading" className="stack-small">
          <h2 id="codebook-heading">
            {t("listLabel")} <span className="badge">{themes.length}</span>
          </h2>
          {themes.length === 0 ? (
            <EmptyState
              title={tEmpty("title")}
              testId="empty-codebook"
              action={
                canManage && (
                  <FocusButton selector='section[aria-labelledby="create-theme-heading"] input'>
                    <Plus aria-hidden="true" className="icon" />
                    {tEmpty("createFirst")}
                  </FocusButton>
                )
              }
            >
              {canManage ? tEmpty("manage") : canPropose ? tEmpty("proposeHere") : tEmpty("others")}
            </EmptyState>
          ) : (
            <ol className="codebook" aria-labelledby="codebook-heading">
              {themes.map((theme, index) => (
                <ThemeEntry
                  key={theme.id}
                  theme={theme}
                  index={index}
                  count={themes.length}
                  others={themes.filter((other) => other.id !== theme.id)}
                  canManage={canManage}
                  api={api}
                  onMove={(direction) => move(theme, direction)}
                  onChanged={changed}
                />
              ))}
            </ol>
          )}
        </section>
        {canManage && <CreateThemeForm api={api} themes={themes} onCreated={changed} />}
        <CodebookFiles workshopId={workshopId} api={api} canImport={canManage} onImported={() => changed()} />
      </div>
      <div className="stack">
        {canPropose && <ProposeThemeForm api={api} onProposed={() => changed()} />}
        <section aria-labelledby="proposals-heading" className="stack-small">
          <h2 id="proposals-heading">
            {t("proposals.title")} <span className="badge">{pending.length}</span>
          </h2>
          {proposals.length === 0 ? (
            <p>{t("proposals.empty")}</p>
          ) : (
            <ul className="proposal-list" aria-label={t("proposals.listLabel")}>
              {proposals.map((proposal) => (
                <ProposalItem key={proposal.id} proposal={proposal} themes={themes} canDecide={canManage} api={api} onDecided={changed} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
