"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ThemePicker } from "@/components/themes/ThemePicker";
import type { PresentedTheme } from "@/lib/themes/present";
import { useLessonsApi } from "./api";
import { EvidenceEditor } from "./EvidenceEditor";
import { SimilarLessons } from "./SimilarLessons";
import { evidenceInputs, type EvidenceDraft } from "./evidence-draft";
import { useSimilarLessons } from "./use-similar-lessons";
import { ELABORATION_MAX, STATEMENT_MAX } from "@/lib/lessons/schemas";
import "./lessons.css";


export interface LessonFormValues {
  statement: string;
  elaboration: string;
  themeIds: string[];
  evidence: EvidenceDraft[];
}

interface LessonFormProps {
  workshopId: string;
  themes: PresentedTheme[];
  sources: { id: string; title: string }[];
  initial: LessonFormValues;
  /** The lesson being edited; a new one when absent. */
  lessonId?: string;
  canStance: boolean;
}

/** Writing or editing a lesson: statement, elaboration, themes, evidence; similar lessons while typing. */
export function LessonForm({ workshopId, themes, sources, initial, lessonId, canStance }: LessonFormProps) {
  const t = useTranslations("lessons.form");
  const api = useLessonsApi(workshopId);
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const similar = useSimilarLessons(api, values.statement, lessonId);
  const set = (change: Partial<LessonFormValues>) => setValues((current) => ({ ...current, ...change }));
  const board = `/workshops/${workshopId}/lessons`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!values.statement.trim()) return setError(t("statementRequired"));
    if (values.themeIds.length === 0) return setError(t("themeRequired"));
    setError(null);
    setIsBusy(true);
    const input = { statement: values.statement.trim(), elaboration: values.elaboration.trim(), themeIds: values.themeIds, evidence: evidenceInputs(values.evidence) };
    try {
      const { lesson } = lessonId ? await api.update(lessonId, input) : await api.create(input);
      router.push(`${board}#lesson-${lesson.id}`);
    } catch (failure) {
      setError((failure as Error).message);
      setIsBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor="lesson-statement">{t("statement")}</label>
        <textarea
          id="lesson-statement"
          rows={3}
          required
          maxLength={STATEMENT_MAX}
          aria-describedby="lesson-statement-hint lesson-statement-counter"
          value={values.statement}
          onChange={(event) => set({ statement: event.target.value })}
        />
        <p className="hint" id="lesson-statement-hint">
          {t("statementHint")}
        </p>
        <p className="char-counter" id="lesson-statement-counter">
          {t("counter", { count: values.statement.length, max: STATEMENT_MAX })}
        </p>
      </div>
      <SimilarLessons workshopId={workshopId} lessons={similar} api={api} canStance={canStance} />
      <div className="field">
        <label htmlFor="lesson-elaboration">{t("elaboration")}</label>
        <textarea
          id="lesson-elaboration"
          rows={6}
          maxLength={ELABORATION_MAX}
          aria-describedby="lesson-elaboration-hint"
          value={values.elaboration}
          onChange={(event) => set({ elaboration: event.target.value })}
        />
        <p className="hint" id="lesson-elaboration-hint">
          {t("elaborationHint")} {t("counter", { count: values.elaboration.length, max: ELABORATION_MAX })}
        </p>
      </div>
      {themes.length === 0 ? (
        <p className="hint">{t("noThemes")}</p>
      ) : (
        <ThemePicker themes={themes} value={values.themeIds} onChange={(themeIds) => set({ themeIds })} legend={t("themes")} />
      )}
      <EvidenceEditor api={api} sources={sources} value={values.evidence} onChange={(evidence) => set({ evidence })} />
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={isBusy} aria-busy={isBusy || undefined}>
          {lessonId ? t("save") : t("create")}
        </button>
        <Link className="button" href={board}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
