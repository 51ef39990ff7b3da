"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useLessonsApi } from "@/components/lessons/api";
import { excerpt } from "@/components/lessons/EvidenceChips";
import type { LessonEvidence as Evidence } from "@/components/lessons/types";
import type { CitablePassage } from "../cite/types";

interface LessonEvidenceProps {
  workshopId: string;
  lessonId: string;
  canCite: boolean;
  onCite: (passage: CitablePassage) => void;
  /** The lesson's other actions, shown in one row with the toggle. */
  children?: ReactNode;
}

/** A lesson's evidence, fetched when asked for, each passage with "Cite" (a footnote at the caret). */
export function LessonEvidence({ workshopId, lessonId, canCite, onCite, children }: LessonEvidenceProps) {
  const t = useTranslations("note.panel");
  const api = useLessonsApi(workshopId);
  const [evidence, setEvidence] = useState<Evidence[] | null>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleToggle() {
    const next = !isOpen;
    setIsOpen(next);
    if (!next || evidence) return;
    try {
      setEvidence((await api.get(lessonId)).lesson.evidence);
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  const listId = `note-evidence-${lessonId}`;
  return (
    <div className="note-panel-evidence stack-small">
      <div className="button-row">
        {children}
        <button type="button" className="button button-small" aria-expanded={isOpen} aria-controls={listId} onClick={() => void handleToggle()}>
          {t("evidence")}
        </button>
      </div>
      <div id={listId} hidden={!isOpen}>
        {error && <p role="alert" className="field-error">{error}</p>}
        {isOpen && !evidence && !error && <p className="hint">{t("loading")}</p>}
        {evidence?.length === 0 && <p className="hint">{t("noEvidence")}</p>}
        {evidence && evidence.length > 0 && (
          <ul className="note-panel-evidence-list">
            {evidence.map((item) => (
              <li key={item.id}>
                <q>{excerpt(item.passage.quote.exact)}</q> <span className="evidence-source">{item.source.title}</span>
                {item.passage.isOrphan && <span className="badge">{t("orphan")}</span>}
                {canCite && !item.passage.isOrphan && (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t("citeLabel", { source: item.source.title })}
                    onClick={() => onCite({ passageId: item.passage.id, quote: item.passage.quote.exact, sourceTitle: item.source.title })}
                  >
                    {t("cite")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
