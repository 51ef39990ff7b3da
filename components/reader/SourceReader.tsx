"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { PresentedSource } from "@/lib/sources/present";
import type { PresentedTheme } from "@/lib/themes/present";
import { readerApi } from "./api";
import { FilterBar } from "./FilterBar";
import { LinkedNotice } from "./LinkedNotice";
import { CARD_BATCH, MarginCards } from "./MarginCards";
import { NewAnnotation } from "./NewAnnotation";
import { ReaderText } from "./ReaderText";
import { SHOW_ALL, matchesFilter, type AnnotationFilter } from "./filter";
import { PENDING_ID, paintHighlights } from "./paint";
import { offsetOfDomPosition } from "./segments";
import { useHighlightTitle } from "./use-highlight-title";
import { useLiveAnnotations } from "./use-live-annotations";
import { useMarginLayout } from "./use-margin-layout";
import { useReaderTarget } from "./use-reader-target";
import { useReveal } from "./use-reveal";
import type { TextRange } from "./word-range";
import { EmptyAnnotations } from "./EmptyAnnotations";

interface SourceReaderProps {
  workshopId: string;
  source: PresentedSource;
  themes: PresentedTheme[];
  initialAnnotations: PresentedAnnotation[];
  canContribute: boolean;
  canModerate: boolean;
}

export function SourceReader({ workshopId, source, themes: initialThemes, initialAnnotations, canContribute, canModerate }: SourceReaderProps) {
  const t = useTranslations("reader");
  const api = useMemo(() => readerApi(workshopId, source.id), [workshopId, source.id]);
  const router = useRouter();
  const { annotations, themes, upsert, remove } = useLiveAnnotations({ workshopId, source, initialThemes, initialAnnotations });
  const [filter, setFilter] = useState<AnnotationFilter>(SHOW_ALL);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [pending, setPending] = useState<TextRange | null>(null);
  const [cardLimit, setCardLimit] = useState(CARD_BATCH);
  // An annotation to show once rendered (a link, a new annotation): scrolled to, card focused.
  const [shown, setShown] = useState<{ id: string } | null>(null);
  const [isMissingAnnotation, setIsMissingAnnotation] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);
  const marginRef = useRef<HTMLElement>(null);
  useMarginLayout({ textRef, marginRef, focusAnchor: pending ? PENDING_ID : activeId, onCoveredFocus: setActiveId });
  const showTitle = useHighlightTitle(annotations, themes);

  const { visible, placed, orphans, highlights } = useMemo(() => {
    // A theme merged or deleted since it was chosen no longer filters anything.
    const effective = { ...filter, themeIds: filter.themeIds.filter((id) => themes.some((theme) => theme.id === id)) };
    const visible = annotations.filter((annotation) => matchesFilter(annotation, effective));
    // Orphans lost their passage in a revision: listed apart, never highlighted.
    const placed = visible.filter((annotation) => !annotation.passage.isOrphan);
    const orphans = visible.filter((annotation) => annotation.passage.isOrphan);
    // Kept stable across renders that do not change annotations, themes or filter, so the text
    // (the heaviest part of the page) does not re-render when a card is selected or a form typed in.
    return { visible, placed, orphans, highlights: paintHighlights(placed, themes) };
  }, [annotations, themes, filter]);

  const openAnnotation = useCallback(
    (id: string) => {
      const annotation = annotations.find((candidate) => candidate.id === id);
      setIsMissingAnnotation(!annotation);
      if (!annotation) return;
      if (!matchesFilter(annotation, filter)) setFilter(SHOW_ALL);
      setActiveId(id);
      setShown({ id });
    },
    [annotations, filter],
  );
  const { linked, dismiss } = useReaderTarget({ api, sourceId: source.id, annotations, onOpenAnnotation: openAnnotation });

  useReveal({ textRef, marginRef, shown, linked, pending });

  const activeIndex = placed.findIndex((annotation) => annotation.id === activeId);
  // The selected card is always rendered, wherever it is in the list.
  const shownCount = Math.min(placed.length, Math.max(cardLimit, activeIndex + 1));
  const showMore = useCallback(() => setCardLimit((limit) => limit + CARD_BATCH), []);

  function captureSelection(event: React.MouseEvent | React.KeyboardEvent) {
    const selection = window.getSelection();
    if (event.type === "mouseup" && (!selection || selection.isCollapsed)) {
      // A click on a highlight selects its annotation; clicking again where several overlap
      // goes through them in turn.
      const ids = (event.target as Element).closest("mark[data-annotation-ids]")?.getAttribute("data-annotation-ids")?.split(" ");
      if (ids) setActiveId(ids[(ids.indexOf(activeId ?? "") + 1) % ids.length]!);
      return;
    }
    if (!canContribute || !selection || selection.isCollapsed || !textRef.current) return;
    const range = selection.getRangeAt(0);
    if (!textRef.current.contains(range.commonAncestorContainer)) return;
    const start = offsetOfDomPosition(range.startContainer, range.startOffset);
    const end = offsetOfDomPosition(range.endContainer, range.endOffset);
    if (start !== null && end !== null && end > start && source.text.slice(start, end).trim()) setPending({ start, end });
  }

  function select(id: string) {
    setActiveId(id);
    textRef.current?.querySelector(`[data-annotation-ids~="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function step(direction: 1 | -1) {
    if (placed.length === 0) return;
    const next = activeIndex < 0 ? (direction === 1 ? 0 : placed.length - 1) : (activeIndex + direction + placed.length) % placed.length;
    select(placed[next]!.id);
  }

  async function create(values: { comment: string; themeIds: string[] }) {
    if (!pending) return;
    const { annotation } = await api.create({ ...pending, revision: source.revision, ...values });
    upsert(annotation);
    setPending(null);
    setActiveId(annotation.id);
    setShown({ id: annotation.id });
    window.getSelection()?.removeAllRanges();
  }

  const cards = { themes, activeId, canContribute, canModerate, api, upsert, remove, onSelect: select, workshopId, sourceId: source.id };
  return (
    <div className="reader-with-margin">
      <div className="reader-column stack-small">
        <LinkedNotice
          linked={linked}
          missingAnnotation={isMissingAnnotation}
          onDismiss={() => {
            dismiss();
            setIsMissingAnnotation(false);
          }}
        />
        <div ref={textRef} className="reader-text" onMouseUp={captureSelection} onKeyUp={captureSelection} onPointerOver={showTitle}>
          <ReaderText
            text={source.text}
            blocks={source.blocks}
            marks={source.marks}
            highlights={highlights}
            activeId={activeId}
            pending={pending}
            linked={linked?.state === "placed" ? linked : null}
          />
        </div>
      </div>
      {/* `margin-aligned` is the layout's to set: the browser alone knows the screen's width. */}
      <aside ref={marginRef} className="margin stack-small" aria-label={t("margin")}>
        {/* The tools: cards that make room for a selected one slide under them. */}
        <div className="margin-head stack-small">
          {canContribute && (
            <NewAnnotation
              text={source.text}
              themes={themes}
              pending={pending}
              onPending={setPending}
              onCreate={create}
              lessonHref={pending && `/workshops/${workshopId}/lessons/new?${new URLSearchParams({ source: source.id, start: String(pending.start), end: String(pending.end), revision: String(source.revision) })}`}
              onCite={
                pending &&
                (async () => {
                  const { passage } = await api.pickPassage({ start: pending.start, end: pending.end, revision: source.revision });
                  router.push(`/workshops/${workshopId}/note?${new URLSearchParams({ cite: passage.id })}`);
                })
              }
              onCancel={() => {
                setPending(null);
                window.getSelection()?.removeAllRanges();
              }}
            />
          )}
          <FilterBar themes={themes} filter={filter} onChange={setFilter} />
          <div className="margin-tools">
            <h2 className="margin-title">{t("count", { count: visible.length })}</h2>
            <div className="button-row">
              <button type="button" className="button button-small" onClick={() => step(-1)} disabled={placed.length === 0}>
                {t("previous")}
              </button>
              <button type="button" className="button button-small" onClick={() => step(1)} disabled={placed.length === 0}>
                {t("next")}
              </button>
            </div>
          </div>
          {annotations.length === 0 && <EmptyAnnotations canContribute={canContribute} />}
          {orphans.length > 0 && (
            <section className="orphans stack-small" aria-labelledby="orphans-heading">
              <h2 id="orphans-heading" className="margin-title">
                {t("orphansTitle", { count: orphans.length })}
              </h2>
              <p className="hint">{t("orphansHint")}</p>
              <MarginCards {...cards} annotations={orphans} shownCount={orphans.length} onShowMore={showMore} isPlaced={false} />
            </section>
          )}
        </div>
        <MarginCards {...cards} annotations={placed} shownCount={shownCount} onShowMore={showMore} isPlaced />
      </aside>
    </div>
  );
}
