"use client";

import { useTranslations } from "next-intl";
import type { PresentedTheme } from "@/lib/themes/present";
import { FindPassage } from "./FindPassage";
import { PendingPanel } from "./PendingPanel";
import type { TextRange } from "./word-range";

interface NewAnnotationProps {
  text: string;
  themes: PresentedTheme[];
  pending: TextRange | null;
  onPending: (range: TextRange) => void;
  onCreate: (values: { comment: string; themeIds: string[] }) => Promise<void>;
  onCancel: () => void;
  /** The new-lesson form with the pending passage as its evidence. */
  lessonHref: string | null;
  /** Cites the selected words in the meeting note (makes their passage, opens the note). */
  onCite: (() => Promise<void>) | null;
}

/**
 * The margin's "New annotation" region: how to select a passage, the finder, and once a
 * passage is pending, the panel that adjusts and annotates it (placed beside the passage in a
 * wide reader, after the finder in the page's order so that Tab goes from one to the other).
 */
export function NewAnnotation({ text, themes, pending, onPending, onCreate, onCancel, lessonHref, onCite }: NewAnnotationProps) {
  const t = useTranslations("reader");
  return (
    <section className="card stack-small new-annotation" aria-labelledby="new-annotation-heading">
      <h2 id="new-annotation-heading" className="margin-title">
        {t("newAnnotation")}
      </h2>
      {!pending && <p className="hint">{t("selectHint")}</p>}
      <FindPassage text={text} onFound={onPending} />
      {pending && <PendingPanel text={text} pending={pending} onAdjust={onPending} themes={themes} onSubmit={onCreate} onCancel={onCancel} lessonHref={lessonHref} onCite={onCite} />}
    </section>
  );
}
