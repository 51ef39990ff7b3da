"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { findPassage } from "./find-passage";
import { FIND_PASSAGE_INPUT_ID } from "./ids";
import type { TextRange } from "./word-range";


/**
 * Selecting a passage without a mouse: type words from it, and the reader selects the first
 * (then the next) place where they occur, or the closest one when they differ a little (a
 * typo, other punctuation). Works with screen readers too.
 */
export function FindPassage({ text, onFound }: { text: string; onFound: (range: TextRange) => void }) {
  const t = useTranslations("reader");
  const [query, setQuery] = useState("");
  const [from, setFrom] = useState(0);
  const [status, setStatus] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!query.trim()) return;
    const found = findPassage(text, query, from);
    if (!found) {
      setStatus(t("findNone"));
      return;
    }
    setFrom(found.start + 1);
    setStatus(found.isExact ? t("findFound") : t("findApproximate"));
    onFound({ start: found.start, end: found.end });
  }

  return (
    <form onSubmit={handleSubmit} className="find-passage" role="search" aria-label={t("findLabel")}>
      <label htmlFor={FIND_PASSAGE_INPUT_ID}>{t("findLabel")}</label>
      <div className="inline-form">
        <input
          id={FIND_PASSAGE_INPUT_ID}
          value={query}
          maxLength={5000}
          onChange={(event) => {
            setQuery(event.target.value);
            setFrom(0);
          }}
        />
        <button type="submit" className="button button-small">
          {t("findButton")}
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {status}
      </p>
    </form>
  );
}
