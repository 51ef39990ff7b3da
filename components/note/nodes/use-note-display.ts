"use client";

import { useCallback, useEffect, useRef } from "react";
import type { Editor } from "@tiptap/react";
import type { NoteReferences } from "@/lib/notes/references";
import { referencedIds, type ReferencedIds } from "@/lib/notes/resolve-note";
import { buildNoteDisplay, lackingIds, type Resolve } from "./build-display";
import type { NoteDisplayStore } from "./note-display";

/** Typing is not slowed down by resolving the whole note at every key. */
const RESOLVE_DELAY_MS = 120;
/** Asking again for ids the references lack: this many times, 0 s, 1 s, 2 s, 4 s apart. */
const MISSING_RETRIES = 4;
const MISSING_RETRY_MS = 1_000;

/**
 * Asks the references again when the document refers to lessons or passages they do not cover
 * (just inserted, here or by someone else). The server answers from the note as last saved,
 * which follows the room by a moment: the same ids are asked for a few times, further apart
 * each time. Returns whether an answer is still awaited (the display shows them as loading,
 * not as missing, meanwhile).
 */
function useAskAgain(onMissing: (ids: ReferencedIds) => void) {
  const asked = useRef({ key: "", attempts: 0, timer: null as ReturnType<typeof setTimeout> | null });
  useEffect(() => () => clearTimeout(asked.current.timer ?? undefined), []);
  return useCallback(
    (missing: string, ids: ReferencedIds): boolean => {
      const state = asked.current;
      if (missing !== state.key) {
        clearTimeout(state.timer ?? undefined);
        Object.assign(state, { key: missing, attempts: 0, timer: null });
      }
      if (!missing) return false;
      if (!state.timer && state.attempts < MISSING_RETRIES) {
        state.timer = setTimeout(
          () => {
            state.timer = null;
            onMissing(ids);
          },
          state.attempts === 0 ? 0 : MISSING_RETRY_MS * 2 ** (state.attempts - 1),
        );
        state.attempts += 1;
      }
      return state.timer !== null;
    },
    [onMissing],
  );
}

/**
 * Keeps `store` equal to the resolution of the editor's document with the current references:
 * after every change (debounced) and whenever the references change. Footnote numbers are tied
 * to the positions the citations have in the document that was resolved.
 */
export function useNoteDisplay(
  editor: Editor | null,
  references: NoteReferences | null,
  resolve: Resolve,
  store: NoteDisplayStore,
  onMissing: (ids: ReferencedIds) => void,
): void {
  const askAgain = useAskAgain(onMissing);

  useEffect(() => {
    if (!editor || !references) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = () => {
      timer = null;
      if (editor.isDestroyed) return;
      const ids = referencedIds(editor.getJSON());
      const lacking = lackingIds(ids, references);
      const isAwaited = askAgain([...lacking.lessonIds, ...lacking.passageIds].sort().join(","), ids);
      store.set(buildNoteDisplay(editor.state.doc, references, resolve, isAwaited ? lacking : undefined));
    };
    const schedule = () => {
      timer ??= setTimeout(run, RESOLVE_DELAY_MS);
    };
    run();
    editor.on("update", schedule);
    return () => {
      if (timer) clearTimeout(timer);
      editor.off("update", schedule);
    };
  }, [editor, references, resolve, store, askAgain]);
}
