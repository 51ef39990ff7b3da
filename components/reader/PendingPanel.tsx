"use client";

import Link from "next/link";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import type { PresentedTheme } from "@/lib/themes/present";
import { useAttempt } from "@/components/ui/use-attempt";
import { AnnotationForm } from "./AnnotationForm";
import { FIND_PASSAGE_INPUT_ID } from "./ids";
import { PENDING_ID } from "./paint";
import { moveRangeEdge, type RangeEdge, type RangeMove, type TextRange } from "./word-range";

/** The four moves, their shortcut (Alt+Shift+arrow) and label: up/down move the start, left/right the end. */
const MOVES: { edge: RangeEdge; move: RangeMove; key: string; label: string }[] = [
  { edge: "start", move: "earlier", key: "ArrowUp", label: "wordBefore" },
  { edge: "start", move: "later", key: "ArrowDown", label: "dropFirstWord" },
  { edge: "end", move: "earlier", key: "ArrowLeft", label: "dropLastWord" },
  { edge: "end", move: "later", key: "ArrowRight", label: "wordAfter" },
];

/** Past this length the quote shows its beginning and end, which are what a person adjusts. */
const QUOTE_SHOWN = 400;

interface PendingPanelProps {
  text: string;
  pending: TextRange;
  onAdjust: (range: TextRange) => void;
  themes: PresentedTheme[];
  onSubmit: (values: { comment: string; themeIds: string[] }) => Promise<void>;
  onCancel: () => void;
  lessonHref: string | null;
  onCite: (() => Promise<void>) | null;
}

/**
 * The passage about to be annotated: its quote, buttons (and Alt+Shift+arrow keys) that move
 * either end by a word, and the comment and themes. In a wide reader it sits beside the
 * passage (`data-anchor`), as the selected card does.
 */
export function PendingPanel({ text, pending, onAdjust, themes, onSubmit, onCancel, lessonHref, onCite }: PendingPanelProps) {
  const t = useTranslations("reader");
  const tLessons = useTranslations("lessons.fromReader");
  const tCite = useTranslations("note.cite");
  const { error, attempt } = useAttempt();
  const quote = text.slice(pending.start, pending.end);
  const shown = quote.length > QUOTE_SHOWN ? `${quote.slice(0, 240)} … ${quote.slice(-140)}` : quote;

  // The keys work wherever the person is after selecting: the text (mouse), the finder, this
  // panel; not while they type a comment or a reply, where Alt+Shift+arrows select words.
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const move = MOVES.find((candidate) => candidate.key === event.key);
      const target = event.target as HTMLElement;
      const isTyping = target.isContentEditable || target.matches("textarea, select, input:not([type=checkbox], [type=radio], [type=button], [type=submit])");
      if (!move || (isTyping && target.id !== FIND_PASSAGE_INPUT_ID)) return;
      event.preventDefault();
      onAdjust(moveRangeEdge(text, pending, move.edge, move.move));
    }
    document.addEventListener("keydown", handleKeyDown);
    return () => document.removeEventListener("keydown", handleKeyDown);
  }, [text, pending, onAdjust]);

  return (
    <div className="pending-panel card stack-small margin-item" data-anchor={PENDING_ID} data-anchor-start={pending.start}>
      <p className="pending-quote" aria-live="polite">
        <q>{shown}</q>
      </p>
      <div role="group" aria-label={t("adjustLabel")} className="word-adjust">
        {MOVES.map(({ edge, move, key, label }) => (
          <button
            key={key}
            type="button"
            className="button button-small"
            aria-keyshortcuts={`Alt+Shift+${key}`}
            onClick={() => onAdjust(moveRangeEdge(text, pending, edge, move))}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <p className="hint">{t("adjustHint")}</p>
      <AnnotationForm themes={themes} submitLabel={t("annotate")} onSubmit={onSubmit} onCancel={onCancel} />
      {lessonHref && (
        <p>
          <Link href={lessonHref}>{tLessons("newFromPassage")}</Link>
        </p>
      )}
      {onCite && (
        <p>
          <button type="button" className="button button-small" onClick={() => void attempt(onCite)}>
            {tCite("citeInNote")}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
