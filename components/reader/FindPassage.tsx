"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";

/**
 * Selecting a passage without a mouse: type words from it, and the reader selects the first
 * (then the next) place where they occur. Works with screen readers too.
 */
export function FindPassage({ text, onFound }: { text: string; onFound: (range: { start: number; end: number }) => void }) {
  const t = useTranslations("reader");
  const [query, setQuery] = useState("");
  const [from, setFrom] = useState(0);
  const [status, setStatus] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const needle = query.trim().toLowerCase();
    if (!needle) return;
    const haystack = text.toLowerCase();
    let start = haystack.indexOf(needle, from);
    if (start < 0) start = haystack.indexOf(needle);
    if (start < 0) {
      setStatus(t("findNone"));
      return;
    }
    setFrom(start + 1);
    setStatus(t("findFound"));
    onFound({ start, end: start + needle.length });
  }

  return (
    <form onSubmit={handleSubmit} className="find-passage" role="search" aria-label={t("findLabel")}>
      <label htmlFor="find-passage">{t("findLabel")}</label>
      <div className="inline-form">
        <input
          id="find-passage"
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
