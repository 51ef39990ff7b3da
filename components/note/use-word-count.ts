"use client";

import { useEffect, useState } from "react";
import type { Editor } from "@tiptap/react";
import { countWords } from "@/lib/notes/word-count";

/** Counting the whole note at every key would slow typing in a long note. */
const COUNT_DELAY_MS = 300;

/** The note's word count, following every change (its own or others'), a moment after it. */
export function useWordCount(editor: Editor | null): number | null {
  const [words, setWords] = useState<number | null>(null);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const count = () => {
      timer = null;
      const { doc } = editor.state;
      // Blocks and line breaks separate words; phrases and footnote markers are not the note's words.
      setWords(countWords(doc.textBetween(0, doc.content.size, " ", " ")));
    };
    const schedule = () => {
      timer ??= setTimeout(count, COUNT_DELAY_MS);
    };
    schedule();
    editor.on("update", schedule);
    return () => {
      editor.off("update", schedule);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return words;
}
