"use client";

import { useEffect, useId, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { LessonsApi } from "./api";
import { excerpt } from "./EvidenceChips";

/** Matches listed at once; a narrower search brings the others. */
const LISTED = 20;

export interface PickedPassage {
  id: string;
  quote: { exact: string };
  source: { title: string };
}

interface AnnotationPickerProps {
  api: LessonsApi;
  sources: { id: string; title: string }[];
  /** Passages already on the list: their annotations say so instead of offering "Add". */
  chosenPassageIds: ReadonlySet<string>;
  onPick: (passage: PickedPassage) => void;
}

type Choice = { annotation: PresentedAnnotation; sourceTitle: string; haystack: string };

/** The workshop's annotations, searchable by quote, comment or source, each one's passage addable as evidence. */
export function AnnotationPicker({ api, sources, chosenPassageIds, onPick }: AnnotationPickerProps) {
  const t = useTranslations("lessons.form");
  const id = useId();
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");

  useEffect(() => {
    let isCurrent = true;
    Promise.all(
      sources.map(async (source) =>
        (await api.sourceAnnotations(source.id)).annotations
          .filter((annotation) => !annotation.passage.isOrphan)
          .map((annotation) => ({
            annotation,
            sourceTitle: source.title,
            haystack: `${annotation.passage.quote.exact} ${annotation.comment} ${source.title}`.toLocaleLowerCase(),
          })),
      ),
    ).then(
      (lists) => isCurrent && setChoices(lists.flat()),
      (failure: Error) => isCurrent && setError(failure.message),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, sources]);

  const matches = useMemo(() => {
    const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return (choices ?? []).filter((choice) => words.every((word) => choice.haystack.includes(word)));
  }, [choices, query]);

  return (
    <section className="stack-small" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("addTitle")}</h3>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t("search")}</label>
        <input id={`${id}-search`} type="search" value={query} placeholder={t("searchPlaceholder")} onChange={(event) => setQuery(event.target.value)} />
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {!choices && !error && <p className="hint">{t("loadingAnnotations")}</p>}
      {choices && matches.length === 0 && <p className="hint">{t("noAnnotations")}</p>}
      <ul className="annotation-choices">
        {matches.slice(0, LISTED).map(({ annotation, sourceTitle }) => {
          const quote = excerpt(annotation.passage.quote.exact, 160);
          const isChosen = chosenPassageIds.has(annotation.passage.id);
          return (
            <li key={annotation.id} className="annotation-choice">
              <span>
                <q>{quote}</q> <span className="evidence-source">{sourceTitle}</span>
                {annotation.comment && <span className="evidence-note">{excerpt(annotation.comment, 160)}</span>}
              </span>
              {isChosen ? (
                <span className="badge">{t("added")}</span>
              ) : (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t("addLabel", { quote: excerpt(annotation.passage.quote.exact, 60) })}
                  onClick={() => onPick({ id: annotation.passage.id, quote: annotation.passage.quote, source: { title: sourceTitle } })}
                >
                  {t("add")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {matches.length > LISTED && (
        <p className="hint" role="status">
          {t("moreAnnotations", { count: matches.length - LISTED })}
        </p>
      )}
    </section>
  );
}
