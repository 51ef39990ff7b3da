"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { excerpt } from "@/components/lessons/EvidenceChips";
import type { CitablePassage } from "./types";

/**
 * Offers to cite a passage chosen in the reader ("Cite in the note"): nothing changes in the
 * note until the person asks, at the place of their caret.
 */
export function CiteBanner({ passage, canInsert, onInsert, onDismiss }: { passage: CitablePassage | null; canInsert: boolean; onInsert: (withQuote: boolean) => void; onDismiss: () => void }) {
  const t = useTranslations("note.cite.banner");
  const [withQuote, setWithQuote] = useState(false);
  return (
    <section className="notice note-cite-banner stack-small" aria-labelledby="note-cite-banner-title">
      <h2 id="note-cite-banner-title" className="note-cite-banner-title">
        {t("title")}
      </h2>
      {passage ? (
        <p>
          <q>{excerpt(passage.quote, 240)}</q> <span className="evidence-source">{passage.sourceTitle}</span>
        </p>
      ) : (
        <p>{t("notFound")}</p>
      )}
      {passage && canInsert && (
        <>
          <p className="hint">{t("hint")}</p>
          <label className="choice">
            <input type="checkbox" checked={withQuote} onChange={(event) => setWithQuote(event.target.checked)} /> {t("includeQuote")}
          </label>
        </>
      )}
      {passage && !canInsert && <p className="hint">{t("readOnly")}</p>}
      <div className="button-row">
        {passage && canInsert && (
          <button type="button" className="button button-primary" onClick={() => onInsert(withQuote)}>
            {t("insert")}
          </button>
        )}
        <button type="button" className="button" onClick={onDismiss}>
          {t("dismiss")}
        </button>
      </div>
    </section>
  );
}
