"use client";

import { useTranslations } from "next-intl";
import { EVIDENCE_NOTE_MAX } from "@/lib/lessons/schemas";
import type { LessonsApi } from "./api";
import { AnnotationPicker } from "./AnnotationPicker";
import { excerpt } from "./EvidenceChips";
import { draftFromPassage, type EvidenceDraft } from "./evidence-draft";

interface EvidenceEditorProps {
  api: LessonsApi;
  sources: { id: string; title: string }[];
  value: EvidenceDraft[];
  onChange: (value: EvidenceDraft[]) => void;
}

/** The lesson's passages, each with an optional note, and the annotations to add more from. */
export function EvidenceEditor({ api, sources, value, onChange }: EvidenceEditorProps) {
  const t = useTranslations("lessons.form");
  const chosen = new Set(value.flatMap((draft) => ("passageId" in draft.input ? [draft.input.passageId] : [])));
  const setNote = (key: string, note: string) => onChange(value.map((draft) => (draft.key === key ? { ...draft, note } : draft)));
  return (
    <fieldset className="field stack-small">
      <legend>{t("evidence")}</legend>
      {value.length === 0 ? (
        <p className="hint">{t("evidenceEmpty")}</p>
      ) : (
        <ol className="evidence-list">
          {value.map((draft, index) => (
            <li key={draft.key} className="card stack-small">
              <p>
                <q>{excerpt(draft.quote, 240)}</q> <span className="evidence-source">{draft.sourceTitle}</span>
              </p>
              <div className="field">
                <label htmlFor={`evidence-note-${index}`}>{t("note")}</label>
                <input id={`evidence-note-${index}`} value={draft.note} maxLength={EVIDENCE_NOTE_MAX} onChange={(event) => setNote(draft.key, event.target.value)} />
              </div>
              <p>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t("removeLabel", { quote: excerpt(draft.quote, 60) })}
                  onClick={() => onChange(value.filter((other) => other.key !== draft.key))}
                >
                  {t("remove")}
                </button>
              </p>
            </li>
          ))}
        </ol>
      )}
      <AnnotationPicker api={api} sources={sources} chosenPassageIds={chosen} onPick={(passage) => onChange([...value, draftFromPassage(passage)])} />
    </fieldset>
  );
}
