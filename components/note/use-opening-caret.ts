"use client";

import { useEffect, useRef } from "react";
import type { Editor } from "@tiptap/react";
import { firstEmptySectionPosition } from "./first-empty-section";

/**
 * Once the editable note is shown, puts the caret in its first empty section (a new note's
 * Introduction) so that one can start writing at once. Done once per visit, and never when the
 * person has already put the focus somewhere on this page (a click, Tab): the page must not take
 * it back. The focus the page opened with does not count: after a client-side navigation it is
 * still on the header link that was followed ("Meeting note"), which nobody chose to stay on.
 */
export function useOpeningCaret(editor: Editor | null, isReady: boolean): void {
  const isDone = useRef(false);
  const focusAtOpening = useRef<Element | null | undefined>(undefined);
  useEffect(() => {
    if (focusAtOpening.current === undefined) focusAtOpening.current = document.activeElement;
    if (!editor || !isReady || isDone.current) return;
    // The collaboration binding fills the editor a moment after it is mounted: try at each change.
    const place = () => {
      if (isDone.current) return;
      const focused = document.activeElement;
      const isFocusFree = focused === null || focused === document.body || focused === focusAtOpening.current;
      if (!isFocusFree || editor.isFocused) return void (isDone.current = true);
      if (editor.state.doc.childCount <= 1) return; // not filled yet
      isDone.current = true;
      const position = firstEmptySectionPosition(editor.state.doc);
      if (position === null) return;
      // Synchronously, not with Tiptap's focus command (a frame later): a focus the person gives
      // meanwhile must not be taken back.
      editor.commands.setTextSelection(position);
      editor.view.focus();
    };
    place();
    editor.on("transaction", place);
    return () => void editor.off("transaction", place);
  }, [editor, isReady]);
}
