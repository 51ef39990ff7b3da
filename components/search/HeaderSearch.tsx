"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { isTypingTarget } from "./typing-target";

/**
 * The workshop header's search box. "/" brings the keyboard here from anywhere on the workshop's
 * pages, except while typing (an input, a text area, the note or another editor).
 */
export function HeaderSearch({ workshopId }: { workshopId: string }) {
  const t = useTranslations("search");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", handleKeyDown);
    return () => document.removeEventListener("keydown", handleKeyDown);
  }, []);
  return (
    <form role="search" action={`/workshops/${workshopId}/search`} method="get" className="header-search" aria-label={t("label")}>
      <label htmlFor="workshop-search" className="visually-hidden">
        {t("label")}
      </label>
      <input ref={input} id="workshop-search" name="q" type="search" required maxLength={200} placeholder={t("placeholder")} aria-keyshortcuts="/" />
      <button type="submit" className="button button-small">
        {t("submit")}
      </button>
    </form>
  );
}
