"use client";

import { useCallback, useEffect } from "react";
import type { Editor } from "@tiptap/core";
import type { GuardWarning } from "@/lib/notes/guard/types";
import { textBlocksOf, warningRange } from "./editor-blocks";
import { GuardPanel } from "./GuardPanel";
import { useNoteGuard } from "./use-note-guard";

/**
 * The guard panel wired to a live editor: checks the editor's blocks a second after each change
 * (its own or another person's), and "Show" selects the flagged words and scrolls to them.
 */
export function NoteGuardPanel({ workshopId, editor, canDismiss }: { workshopId: string; editor: Editor | null; canDismiss: boolean }) {
  const getBlocks = useCallback(() => (editor ? textBlocksOf(editor.state.doc) : null), [editor]);
  const guard = useNoteGuard(workshopId, getBlocks);
  const { notifyChange } = guard;

  useEffect(() => {
    if (!editor) return;
    editor.on("update", notifyChange);
    return () => {
      editor.off("update", notifyChange);
    };
  }, [editor, notifyChange]);

  const handleShow = useCallback(
    (warning: GuardWarning) => {
      if (!editor) return;
      const range = warningRange(editor.state.doc, warning);
      if (!range) return;
      editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    },
    [editor],
  );

  return <GuardPanel {...guard} canDismiss={canDismiss} onShow={editor ? handleShow : undefined} onDismiss={guard.dismiss} onUndo={guard.undo} />;
}
