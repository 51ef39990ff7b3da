"use client";

import { useState, type ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { LessonsPanel } from "./LessonsPanel";

/** The side panel beside the note: the lessons to pull in; it folds away to give the note room. */
export function NotePanel(props: ComponentProps<typeof LessonsPanel>) {
  const t = useTranslations("note.panel");
  const [isOpen, setIsOpen] = useState(true);
  return (
    <aside className="note-panel stack-small" data-open={isOpen} aria-labelledby="note-panel-heading">
      <div className="note-panel-head">
        <h2 id="note-panel-heading">{t("title")}</h2>
        <button type="button" className="button button-small" aria-expanded={isOpen} aria-controls="note-panel-body" onClick={() => setIsOpen(!isOpen)}>
          {isOpen ? t("hide") : t("show")}
        </button>
      </div>
      <div id="note-panel-body" hidden={!isOpen}>
        <p className="hint">{t("intro")}</p>
        <LessonsPanel {...props} />
      </div>
    </aside>
  );
}
