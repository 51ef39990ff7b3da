"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { consensusWording } from "@/lib/consensus/wording";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import type { LessonsApi } from "./api";
import type { SimilarLesson } from "./types";

interface SimilarLessonsProps {
  workshopId: string;
  lessons: SimilarLesson[];
  api: LessonsApi;
  /** Whether the viewer may take stances (observers may not). */
  canStance: boolean;
}

/** Lessons like the one being written, each with its phrase and "Endorse this instead". */
export function SimilarLessons({ workshopId, lessons, api, canStance }: SimilarLessonsProps) {
  const t = useTranslations("lessons");
  const locale = useLocale();
  const router = useRouter();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function endorse(lessonId: string) {
    setBusyId(lessonId);
    setError(null);
    try {
      await api.setStance(lessonId, "ENDORSE");
      router.push(`/workshops/${workshopId}/lessons#lesson-${lessonId}`);
    } catch (failure) {
      setError((failure as Error).message);
      setBusyId(null);
    }
  }

  return (
    // Announced politely as it changes, without stealing the focus from the statement.
    <section className="card stack-small similar-lessons" aria-labelledby="similar-heading" aria-live="polite" hidden={lessons.length === 0}>
      <h2 id="similar-heading" className="margin-title">
        {t("form.similarTitle")}
      </h2>
      <p className="hint">{t("form.similarHint")}</p>
      <ul>
        {lessons.map((lesson) => (
          <li key={lesson.id} className="stack-small">
            <p id={`similar-${lesson.id}`}>{lesson.statement}</p>
            <p className="meta">
              {lesson.consensus && <span>{consensusWording(lesson.consensus.consensus, isLocale(locale) ? locale : DEFAULT_LOCALE).label}</span>}
              {lesson.myStance === "ENDORSE" && <span className="badge">{t("form.alreadyEndorsed")}</span>}
            </p>
            {canStance && lesson.myStance !== "ENDORSE" && (
              <button
                type="button"
                className="button button-small"
                aria-describedby={`similar-${lesson.id}`}
                disabled={busyId !== null}
                onClick={() => void endorse(lesson.id)}
              >
                {t("form.endorseInstead")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}
