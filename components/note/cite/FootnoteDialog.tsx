"use client";

import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { excerpt } from "@/components/lessons/EvidenceChips";
import { AnnotationChooser, type SourceChoice } from "./AnnotationChooser";
import type { CitablePassage, FootnoteChoice } from "./types";

/** The longest free-text footnote the note accepts (the server's limit for a citation's note). */
export const MAX_FOOTNOTE_CHARS = 1000;

interface FootnoteDialogProps {
  workshopId: string;
  sources: SourceChoice[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** A passage chosen beforehand (a lesson's evidence); otherwise an annotation or free text. */
  passage: CitablePassage | null;
  /** Called once the dialog has closed, so that the note can take the focus. */
  onInsert: (choice: FootnoteChoice) => void;
}

/**
 * Makes a footnote at the caret: a passage (from a lesson's evidence or an annotation), with or
 * without its quote, or free text. A modal dialog (Radix UI): focus moves in, Escape closes,
 * focus returns to what opened it.
 */
export function FootnoteDialog({ workshopId, sources, open, onOpenChange, passage, onInsert }: FootnoteDialogProps) {
  const t = useTranslations("note.cite");
  const [kind, setKind] = useState<"annotation" | "text">("annotation");
  const [chosen, setChosen] = useState<CitablePassage | null>(null);
  const [text, setText] = useState("");
  const [withQuote, setWithQuote] = useState(false);
  // Inserted once the dialog has closed: the focus then goes to the note, at the new footnote.
  const chosenRef = useRef<FootnoteChoice | null>(null);
  const cited = passage ?? (kind === "annotation" ? chosen : null);
  const isReady = cited ? true : kind === "text" && text.trim().length > 0;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!isReady) return;
    chosenRef.current = cited ? { passageId: cited.passageId, quote: withQuote } : { note: text.trim() };
    onOpenChange(false);
    setText("");
    setChosen(null);
    setWithQuote(false);
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog stack-small note-cite-dialog"
          onCloseAutoFocus={(event) => {
            const choice = chosenRef.current;
            chosenRef.current = null;
            if (!choice) return;
            event.preventDefault();
            onInsert(choice);
          }}
        >
          <Dialog.Title className="dialog-title">{t("title")}</Dialog.Title>
          <Dialog.Description className="hint">{t("description")}</Dialog.Description>
          <form className="stack-small" onSubmit={handleSubmit}>
            {passage ? (
              <p>
                <q>{excerpt(passage.quote, 200)}</q> <span className="evidence-source">{passage.sourceTitle}</span>
              </p>
            ) : (
              <>
                <fieldset className="note-cite-kind">
                  <legend>{t("kind")}</legend>
                  <label>
                    <input type="radio" name="note-cite-kind" checked={kind === "annotation"} onChange={() => setKind("annotation")} /> {t("fromAnnotation")}
                  </label>
                  <label>
                    <input type="radio" name="note-cite-kind" checked={kind === "text"} onChange={() => setKind("text")} /> {t("freeText")}
                  </label>
                </fieldset>
                {kind === "annotation" ? (
                  <AnnotationChooser workshopId={workshopId} sources={sources} value={chosen} onChange={setChosen} />
                ) : (
                  <label className="field">
                    <span>{t("text")}</span>
                    <textarea value={text} maxLength={MAX_FOOTNOTE_CHARS} rows={4} onChange={(event) => setText(event.target.value)} />
                  </label>
                )}
              </>
            )}
            {(passage || kind === "annotation") && (
              <label className="choice">
                <input type="checkbox" checked={withQuote} onChange={(event) => setWithQuote(event.target.checked)} /> {t("includeQuote")}
              </label>
            )}
            <div className="button-row">
              <Dialog.Close asChild>
                <button type="button" className="button">
                  {t("cancel")}
                </button>
              </Dialog.Close>
              <button type="submit" className="button button-primary" disabled={!isReady}>
                {t("insert")}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
