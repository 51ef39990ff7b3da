"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { PresentedSource } from "@/lib/sources/present";
import type { PresentedTheme } from "@/lib/themes/present";
import { subscribeToWorkshop } from "@/components/realtime/connect";
import { annotationsApi } from "./api";
import { AnnotationCard } from "./AnnotationCard";
import { AnnotationForm } from "./AnnotationForm";
import { FindPassage } from "./FindPassage";
import { ReaderText } from "./ReaderText";
import { offsetOfDomPosition } from "./segments";
import { byDocumentOrder } from "@/lib/annotations/order";

type Filter = "all" | "mine" | "replies" | `theme:${string}`;

/**
 * Cards rendered at first, and added each time the end of the list comes into view: a source
 * with a thousand annotations would otherwise build (and hydrate) a thousand cards up front.
 */
const CARD_BATCH = 40;

interface SourceReaderProps {
  workshopId: string;
  source: PresentedSource;
  themes: PresentedTheme[];
  initialAnnotations: PresentedAnnotation[];
  canContribute: boolean;
  canModerate: boolean;
}

export function SourceReader({ workshopId, source, themes, initialAnnotations, canContribute, canModerate }: SourceReaderProps) {
  const t = useTranslations("reader");
  const router = useRouter();
  const api = useMemo(() => annotationsApi(workshopId, source.id), [workshopId, source.id]);
  const [annotations, setAnnotations] = useState(initialAnnotations);
  const [filter, setFilter] = useState<Filter>("all");
  const [activeId, setActiveId] = useState<string | null>(null);
  const [pending, setPending] = useState<{ start: number; end: number } | null>(null);
  const [cardLimit, setCardLimit] = useState(CARD_BATCH);
  const textRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);

  const upsert = useCallback((annotation: PresentedAnnotation) => {
    setAnnotations((current) => [...current.filter((other) => other.id !== annotation.id), annotation].sort(byDocumentOrder));
  }, []);
  const remove = useCallback((id: string) => setAnnotations((current) => current.filter((other) => other.id !== id)), []);

  useEffect(() => {
    return subscribeToWorkshop(workshopId, {
      "annotation:upserted": ({ annotation }) => {
        if (annotation.sourceId === source.id) upsert(annotation);
      },
      "annotation:removed": ({ annotationId }) => remove(annotationId),
      // The page keys this reader by revision, so the refreshed text and annotations start afresh.
      "source:revised": ({ sourceId, revision }) => {
        if (sourceId === source.id && revision !== source.revision) router.refresh();
      },
    });
  }, [workshopId, source.id, source.revision, upsert, remove, router]);

  const { visible, placed, orphans, highlights } = useMemo(() => {
    const visible = annotations.filter((annotation) => {
      if (filter === "mine") return annotation.mine;
      if (filter === "replies") return annotation.replies.length > 0;
      if (filter.startsWith("theme:")) return annotation.themeIds.includes(filter.slice(6));
      return true;
    });
    // Orphans lost their passage in a revision: listed apart, never highlighted.
    const placed = visible.filter((annotation) => !annotation.passage.isOrphan);
    const orphans = visible.filter((annotation) => annotation.passage.isOrphan);
    // Kept stable across renders that do not change annotations or filter, so the text (the
    // heaviest part of the page) does not re-render when a card is selected or a form typed in.
    const highlights = placed.map((a) => ({ id: a.id, start: a.passage.start!, end: a.passage.end! }));
    return { visible, placed, orphans, highlights };
  }, [annotations, filter]);

  // The selected card is always rendered, wherever it is in the list.
  const activeIndex = placed.findIndex((annotation) => annotation.id === activeId);
  const shownCount = Math.min(placed.length, Math.max(cardLimit, activeIndex + 1));
  const showMore = useCallback(() => setCardLimit((limit) => limit + CARD_BATCH), []);
  useEffect(() => {
    const button = moreRef.current;
    if (!button || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) showMore();
    }, { rootMargin: "600px" });
    observer.observe(button);
    return () => observer.disconnect();
  }, [shownCount, placed.length, showMore]);

  function captureSelection() {
    const selection = window.getSelection();
    if (!canContribute || !selection || selection.isCollapsed || !textRef.current) return;
    const range = selection.getRangeAt(0);
    if (!textRef.current.contains(range.commonAncestorContainer)) return;
    const start = offsetOfDomPosition(range.startContainer, range.startOffset);
    const end = offsetOfDomPosition(range.endContainer, range.endOffset);
    if (start !== null && end !== null && end > start && source.text.slice(start, end).trim()) setPending({ start, end });
  }

  function select(id: string) {
    setActiveId(id);
    textRef.current?.querySelector(`[data-annotation-ids~="${id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function step(direction: 1 | -1) {
    if (placed.length === 0) return;
    const index = placed.findIndex((annotation) => annotation.id === activeId);
    const next = index < 0 ? (direction === 1 ? 0 : placed.length - 1) : (index + direction + placed.length) % placed.length;
    select(placed[next]!.id);
  }

  function renderCard(annotation: PresentedAnnotation) {
    return (
      <li key={annotation.id}>
        <AnnotationCard
          annotation={annotation}
          themes={themes}
          isActive={annotation.id === activeId}
          canContribute={canContribute}
          onSelect={() => select(annotation.id)}
          onUpdate={async (values) => upsert((await api.update(annotation.id, values)).annotation)}
          onDelete={async () => {
            await api.remove(annotation.id);
            remove(annotation.id);
          }}
          onReply={async (body) => {
            const { reply } = await api.reply(annotation.id, body);
            upsert({ ...annotation, replies: [...annotation.replies.filter((other) => other.id !== reply.id), reply] });
          }}
          canModerate={canModerate}
          onSetHidden={async (hidden) => upsert((await api.setHidden(annotation.id, hidden)).annotation)}
          onSetReplyHidden={async (replyId, hidden) => {
            await api.setReplyHidden(annotation.id, replyId, hidden);
            upsert({ ...annotation, replies: annotation.replies.map((other) => (other.id === replyId ? { ...other, isHidden: hidden } : other)) });
          }}
          onUpdateReply={async (replyId, body) => {
            const { reply } = await api.updateReply(annotation.id, replyId, body);
            upsert({ ...annotation, replies: annotation.replies.map((other) => (other.id === reply.id ? reply : other)) });
          }}
          onDeleteReply={async (replyId) => {
            await api.removeReply(annotation.id, replyId);
            upsert({ ...annotation, replies: annotation.replies.filter((other) => other.id !== replyId) });
          }}
        />
      </li>
    );
  }

  return (
    <div className="reader-with-margin">
      <div ref={textRef} className="reader-text" onMouseUp={captureSelection} onKeyUp={captureSelection}>
        <ReaderText text={source.text} blocks={source.blocks} marks={source.marks} highlights={highlights} activeId={activeId} pending={pending} />
      </div>
      <aside className="margin stack-small" aria-label={t("margin")}>
        {canContribute && (
          <section className="card stack-small" aria-labelledby="new-annotation-heading">
            <h2 id="new-annotation-heading" className="margin-title">{t("newAnnotation")}</h2>
            {pending ? (
              <>
                <p className="pending-quote">
                  <q>{source.text.slice(pending.start, pending.end)}</q>
                </p>
                <AnnotationForm
                  themes={themes}
                  submitLabel={t("annotate")}
                  onSubmit={async (values) => {
                    const { annotation } = await api.create({ ...pending, revision: source.revision, ...values });
                    upsert(annotation);
                    setPending(null);
                    setActiveId(annotation.id);
                    window.getSelection()?.removeAllRanges();
                  }}
                  onCancel={() => setPending(null)}
                />
              </>
            ) : (
              <p className="hint">{t("selectHint")}</p>
            )}
            <FindPassage text={source.text} onFound={setPending} />
          </section>
        )}
        <p className="export-links">
          <span>{t("export")}</span>{" "}
          <a href={`/api/workshops/${workshopId}/sources/${source.id}/annotations/export?format=csv`} download>
            {t("exportCsv")}
          </a>{" "}
          <a href={`/api/workshops/${workshopId}/sources/${source.id}/annotations/export?format=jsonld`} download>
            {t("exportJsonLd")}
          </a>
        </p>
        <div className="margin-tools">
          <label htmlFor="annotation-filter">{t("filter")}</label>
          <select id="annotation-filter" value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
            <option value="all">{t("filterAll")}</option>
            <option value="mine">{t("filterMine")}</option>
            <option value="replies">{t("filterReplies")}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={`theme:${theme.id}`}>
                {theme.name}
              </option>
            ))}
          </select>
          <div className="button-row">
            <button type="button" className="button button-small" onClick={() => step(-1)} disabled={placed.length === 0}>
              {t("previous")}
            </button>
            <button type="button" className="button button-small" onClick={() => step(1)} disabled={placed.length === 0}>
              {t("next")}
            </button>
          </div>
        </div>
        <h2 className="margin-title">{t("count", { count: visible.length })}</h2>
        <ol className="annotation-list">{placed.slice(0, shownCount).map(renderCard)}</ol>
        {shownCount < placed.length && (
          <button ref={moreRef} type="button" className="button button-small" onClick={showMore}>
            {t("showMore", { count: Math.min(CARD_BATCH, placed.length - shownCount), total: placed.length - shownCount })}
          </button>
        )}
        {orphans.length > 0 && (
          <section className="orphans stack-small" aria-labelledby="orphans-heading">
            <h2 id="orphans-heading" className="margin-title">
              {t("orphansTitle", { count: orphans.length })}
            </h2>
            <p className="hint">{t("orphansHint")}</p>
            <ol className="annotation-list">{orphans.map(renderCard)}</ol>
          </section>
        )}
      </aside>
    </div>
  );
}
