"use client";

import { useCallback, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import type { LessonRefDisplay, NoteDisplayStore } from "./note-display";

type Shown = LessonRefDisplay["state"] | "loading";

/**
 * A `lessonRef` in the editor: the lesson's consensus phrase as the resolver gives it now, marked
 * while it is live (it changes for everyone as people take stances), labelled when it is frozen,
 * held or missing. The phrase is shown, never stored: the node holds the lesson's id only.
 */
export function createLessonRefView(store: NoteDisplayStore) {
  return function LessonRefView({ node, selected }: ReactNodeViewProps) {
    const t = useTranslations("note.nodes");
    const lessonId = String(node.attrs.lessonId ?? "");
    // One string (state, then phrase), so that the view renders again only when its own phrase
    // changes, not at every keystroke elsewhere in the note.
    const readShown = useCallback(() => {
      const display = store.getSnapshot();
      const shown = display.lessons.get(lessonId);
      return shown ? `${shown.state}\n${shown.phrase}` : display.isReady ? "missing\n" : "loading\n";
    }, [lessonId]);
    const [state, phrase] = useSyncExternalStore(store.subscribe, readShown, readShown).split("\n") as [Shown, string];
    const label = t(`lessonRef.${state}`);
    return (
      <NodeViewWrapper as="span" className={`note-lesson-ref${selected ? " is-selected" : ""}`} data-lesson-ref={lessonId} data-state={state} title={label}>
        <span className="note-lesson-ref-phrase">{phrase || t("lessonRef.placeholder")}</span>
        <span className="visually-hidden"> ({label})</span>
      </NodeViewWrapper>
    );
  };
}
