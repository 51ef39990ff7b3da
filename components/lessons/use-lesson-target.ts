"use client";

import { useEffect, useRef, useState } from "react";
import type { Lesson } from "./types";

interface LessonTargetOptions {
  groups: { lessons: Lesson[] }[];
  limit: number;
  /** Renders at least this many lessons (the target is at this index). */
  onNeedLimit: (index: number) => void;
}

/**
 * A link to `#lesson-<id>` (a merge notice, "Endorse this instead") shows that lesson: it is
 * rendered even if it is far down the board, scrolled to and focused.
 */
export function useLessonTarget({ groups, limit, onNeedLimit }: LessonTargetOptions): void {
  const [targetId, setTargetId] = useState<string | null>(null);
  // Shown once: later changes of the board leave the reader where they are.
  const shownRef = useRef<string | null>(null);

  useEffect(() => {
    const read = () => {
      const match = /^#lesson-(.+)$/.exec(window.location.hash);
      shownRef.current = null;
      setTargetId(match ? decodeURIComponent(match[1]!) : null);
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);

  useEffect(() => {
    if (!targetId || shownRef.current === targetId) return;
    const index = groups.flatMap((group) => group.lessons).findIndex((lesson) => lesson.id === targetId);
    if (index < 0) return;
    if (index >= limit) {
      onNeedLimit(index);
      return;
    }
    const element = document.getElementById(`lesson-${targetId}`);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
    shownRef.current = targetId;
  }, [targetId, groups, limit, onNeedLimit]);
}
