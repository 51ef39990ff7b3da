"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useLessonsApi } from "@/components/lessons/api";
import { excerpt } from "@/components/lessons/EvidenceChips";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { CitablePassage } from "./types";

export interface SourceChoice {
  id: string;
  title: string;
}

/** Picks an annotation's passage: a source, then one of its annotations (radio buttons). */
export function AnnotationChooser({ workshopId, sources, value, onChange }: { workshopId: string; sources: SourceChoice[]; value: CitablePassage | null; onChange: (passage: CitablePassage | null) => void }) {
  const t = useTranslations("note.cite");
  const api = useLessonsApi(workshopId);
  const [sourceId, setSourceId] = useState(sources[0]?.id ?? "");
  const [annotations, setAnnotations] = useState<PresentedAnnotation[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!sourceId) return;
    let isCurrent = true;
    api.sourceAnnotations(sourceId).then(
      (answer) => {
        if (!isCurrent) return;
        setAnnotations(answer.annotations.filter((annotation) => !annotation.passage.isOrphan));
        setError(null);
      },
      (failure: Error) => isCurrent && setError(failure.message),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, sourceId]);

  if (sources.length === 0) return <p className="hint">{t("noSources")}</p>;
  const sourceTitle = sources.find((source) => source.id === sourceId)?.title ?? "";
  return (
    <div className="stack-small">
      <label className="field">
        <span>{t("source")}</span>
        <select
          value={sourceId}
          onChange={(event) => {
            setSourceId(event.target.value);
            setAnnotations(null);
            onChange(null);
          }}
        >
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.title}
            </option>
          ))}
        </select>
      </label>
      {error && <p role="alert" className="field-error">{error}</p>}
      {!annotations && !error && <p className="hint">{t("loading")}</p>}
      {annotations?.length === 0 && <p className="hint">{t("noAnnotations")}</p>}
      {annotations && annotations.length > 0 && (
        <fieldset className="note-cite-annotations">
          <legend>{t("annotation")}</legend>
          {annotations.map((annotation) => (
            <label key={annotation.id} className="note-cite-annotation">
              <input
                type="radio"
                name="note-cite-annotation"
                checked={value?.passageId === annotation.passage.id}
                onChange={() => onChange({ passageId: annotation.passage.id, quote: annotation.passage.quote.exact, sourceTitle })}
              />
              <span>
                <q>{excerpt(annotation.passage.quote.exact)}</q>
                {annotation.comment && <span className="hint"> {excerpt(annotation.comment, 60)}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
