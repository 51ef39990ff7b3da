"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { CitablePassage } from "../cite/types";
import { LessonEvidence } from "./LessonEvidence";
import type { LessonsPanel as NotePanel, PanelLesson } from "@/lib/notes/present-references";

interface LessonsPanelProps {
  workshopId: string;
  panel: NotePanel | null;
  /** Lessons the open document holds now (the server's `inNote` lags behind the room's saves). */
  lessonIdsInNote: ReadonlySet<string>;
  canEdit: boolean;
  onInsert: (lesson: PanelLesson, theme: string | null) => void;
  onCite: (passage: CitablePassage) => void;
}

/** The lessons by theme, each with its live phrase and "Insert", its evidence with "Cite". */
export function LessonsPanel({ workshopId, panel, lessonIdsInNote, canEdit, onInsert, onCite }: LessonsPanelProps) {
  const t = useTranslations("note.panel");
  const [announcement, setAnnouncement] = useState("");
  if (!panel) return <p className="hint">{t("loading")}</p>;
  const groups = [
    ...panel.themes.map((theme) => ({ key: theme.id, name: theme.name, theme: theme.name as string | null, lessons: theme.lessons })),
    { key: "unthemed", name: t("unthemed"), theme: null, lessons: panel.unthemed },
  ].filter((group) => group.lessons.length > 0);
  if (groups.length === 0) return <p className="hint">{t("empty")}</p>;
  return (
    <div className="note-panel-groups stack-small">
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`note-panel-${group.key}`} className="stack-small">
          <h3 id={`note-panel-${group.key}`} className="note-panel-theme">
            {group.name}
          </h3>
          <ul className="note-panel-lessons">
            {group.lessons.map((lesson) => {
              const isInNote = lesson.inNote || lessonIdsInNote.has(lesson.id);
              return (
                <li key={lesson.id} className="note-panel-lesson stack-small" aria-label={lesson.statement}>
                  <p>
                    <span className="note-panel-phrase">{lesson.phrase}</span> {lesson.statement}
                  </p>
                  <LessonEvidence workshopId={workshopId} lessonId={lesson.id} canCite={canEdit} onCite={onCite}>
                    {isInNote && <span className="badge">{t("inNote")}</span>}
                    {canEdit && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t("insertLabel", { statement: lesson.statement })}
                        onClick={() => {
                          onInsert(lesson, group.theme);
                          setAnnouncement(t("inserted", { statement: lesson.statement }));
                        }}
                      >
                        {t("insert")}
                      </button>
                    )}
                  </LessonEvidence>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
