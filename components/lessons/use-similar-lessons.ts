"use client";

import { useEffect, useState } from "react";
import type { LessonsApi } from "./api";
import type { SimilarLesson } from "./types";

/** Below this many characters a statement says too little to compare. */
const MIN_QUERY = 4;
/** The pause in typing after which similar lessons are looked up. */
const DEBOUNCE_MS = 150;

/**
 * Lessons similar to the statement being typed: looked up once typing pauses, each lookup
 * cancelling the one before, so that a slow answer never replaces a newer one.
 */
export function useSimilarLessons(api: LessonsApi, statement: string, excludeId?: string): SimilarLesson[] {
  const [found, setFound] = useState<{ query: string; lessons: SimilarLesson[] }>({ query: "", lessons: [] });
  const query = statement.trim();

  useEffect(() => {
    if (query.length < MIN_QUERY) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.similar(query, controller.signal, excludeId).then(
        ({ lessons }) => setFound({ query, lessons }),
        () => {
          // Aborted, offline or refused: the suggestions are a help, not a step of the form.
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, query, excludeId]);

  // The last answer stays shown while the next is on its way; none for a statement too short.
  return query.length < MIN_QUERY ? [] : found.lessons;
}
