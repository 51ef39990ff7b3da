"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { PresentedTheme } from "@/lib/themes/present";
import { AnnotationCard } from "./AnnotationCard";
import { bindCardActions } from "./card-actions";
import type { readerApi } from "./api";

interface MarginCardsProps {
  annotations: PresentedAnnotation[];
  /** How many of them are rendered (the first ones, in document order). */
  shownCount: number;
  onShowMore: () => void;
  /** Orphans have no passage to sit beside: listed in the flow, not placed. */
  isPlaced: boolean;
  workshopId: string;
  sourceId: string;
  themes: PresentedTheme[];
  activeId: string | null;
  canContribute: boolean;
  canModerate: boolean;
  api: ReturnType<typeof readerApi>;
  upsert: (annotation: PresentedAnnotation) => void;
  remove: (id: string) => void;
  onSelect: (id: string) => void;
}

/**
 * A list of annotation cards. Placed cards carry `data-anchor` (their annotation), which the
 * margin layout uses to put them beside their passages; the list is `data-cards-start`, where
 * they begin. Long lists render in batches: the "Show more" button is also the sentinel that
 * brings the next batch when it comes into view, and in a wide reader it sits where the next
 * annotation's passage is.
 */
export function MarginCards(props: MarginCardsProps) {
  const { annotations, shownCount, onShowMore, isPlaced, themes, activeId, canContribute, canModerate, api, upsert, remove, onSelect } = props;
  const t = useTranslations("reader");
  const moreRef = useRef<HTMLButtonElement>(null);
  const next = annotations[shownCount];

  useEffect(() => {
    const button = moreRef.current;
    if (!button || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onShowMore();
    }, { rootMargin: "600px" });
    observer.observe(button);
    return () => observer.disconnect();
  }, [shownCount, annotations.length, onShowMore]);

  return (
    <>
      <ol className="annotation-list" data-cards-start={isPlaced || undefined}>
        {annotations.slice(0, shownCount).map((annotation) => (
          <li
            key={annotation.id}
            className={isPlaced ? "margin-item" : undefined}
            data-anchor={isPlaced ? annotation.id : undefined}
            data-anchor-start={isPlaced ? annotation.passage.start! : undefined}
          >
            <AnnotationCard
              annotation={annotation}
              themes={themes}
              isActive={annotation.id === activeId}
              canContribute={canContribute}
              canModerate={canModerate}
              linkPath={`/workshops/${props.workshopId}/sources/${props.sourceId}#annotation-${annotation.id}`}
              lessonPath={`/workshops/${props.workshopId}/lessons/new?${new URLSearchParams({ passage: annotation.passage.id, themes: annotation.themeIds.join(",") })}`}
              citePath={`/workshops/${props.workshopId}/note?${new URLSearchParams({ cite: annotation.passage.id })}`}
              onSelect={() => onSelect(annotation.id)}
              actions={bindCardActions(api, annotation, upsert, remove)}
            />
          </li>
        ))}
      </ol>
      {next && (
        <button ref={moreRef} type="button" className={`button button-small show-more${isPlaced ? " margin-item" : ""}`} data-anchor={isPlaced ? next.id : undefined} data-anchor-start={isPlaced ? next.passage.start! : undefined} onClick={onShowMore}>
          {t("showMore", { count: Math.min(CARD_BATCH, annotations.length - shownCount), total: annotations.length - shownCount })}
        </button>
      )}
    </>
  );
}

/**
 * Cards rendered at first, and added each time the end of the list comes into view: a source
 * with a thousand annotations would otherwise build (and hydrate) a thousand cards up front.
 */
export const CARD_BATCH = 40;
