"use client";

import { useCallback, useRef, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import type { NoteDisplayStore } from "./note-display";

/**
 * A `citation` in the editor: its footnote number, computed from the citation's place in the
 * text (so it changes when text moves), flagged when the cited passage left its source.
 */
export function createCitationView(store: NoteDisplayStore) {
  return function CitationView({ getPos, selected }: ReactNodeViewProps) {
    const t = useTranslations("note.nodes");
    // A string, so that the view renders again only when its own number or flag changes, not at
    // every keystroke elsewhere in the note. Text typed before the citation moves it before the
    // next resolution catches up: it keeps its last number meanwhile.
    const last = useRef("");
    const readShown = useCallback(() => {
      const position = getPos();
      const shown = position === undefined ? undefined : store.getSnapshot().citations.get(position);
      if (shown) last.current = `${shown.number}${shown.flagged ? "!" : ""}`;
      return last.current;
    }, [getPos]);
    const shown = useSyncExternalStore(store.subscribe, readShown, readShown);
    const number = shown ? Number.parseInt(shown, 10) : null;
    const isFlagged = shown.endsWith("!");
    const label = number === null ? t("citation.pending") : t(isFlagged ? "citation.flagged" : "citation.label", { number });
    return (
      <NodeViewWrapper as="sup" className={`note-citation${selected ? " is-selected" : ""}`} data-citation={number ?? ""} data-flagged={isFlagged || undefined} title={label}>
        <span aria-hidden="true">{number ?? "·"}</span>
        <span className="visually-hidden">{label}</span>
      </NodeViewWrapper>
    );
  };
}
