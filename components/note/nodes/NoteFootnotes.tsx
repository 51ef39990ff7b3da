"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import type { NoteDisplayStore } from "./note-display";

/**
 * The note's footnotes, under the editor, as exports print them: number, the source's citation
 * (or the free text), the quote when the citation asks for it. A footnote to a passage that left
 * its source stays, marked.
 */
export function NoteFootnotes({ store }: { store: NoteDisplayStore }) {
  const t = useTranslations("note.nodes.footnotes");
  const { footnotes } = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return (
    <section className="note-footnotes stack-small" aria-labelledby="note-footnotes-heading">
      <h2 id="note-footnotes-heading" className="note-footnotes-heading">
        {t("heading")}
      </h2>
      {footnotes.length === 0 ? (
        <p className="hint">{t("empty")}</p>
      ) : (
        <ol className="note-footnote-list">
          {footnotes.map((footnote) => (
            <li key={footnote.number} value={footnote.number} data-footnote={footnote.number}>
              <span>{footnote.text}</span>
              {footnote.quote && (
                <>
                  {" "}
                  <q className="note-footnote-quote">{footnote.quote}</q>
                </>
              )}
              {footnote.flagged && (
                <>
                  {" "}
                  <span className="badge badge-warning">{t("flagged")}</span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
