"use client";

import { useCallback, useEffect, useState } from "react";
import { subscribeToWorkshop } from "@/components/realtime/connect";
import type { PresentedTheme } from "@/lib/themes/present";
import type { LessonsApi } from "./api";
import type { Lesson, LessonBoard } from "./types";

interface LiveLessonsOptions {
  workshopId: string;
  api: LessonsApi;
  initialBoard: LessonBoard;
  /** Whether the initial board is all of it; if not (or unknown), the rest is fetched at once. */
  isComplete: boolean;
  initialThemes: PresentedTheme[];
}

/** The list with this lesson added or replaced (the board orders it). */
function withLesson(list: Lesson[], lesson: Lesson): Lesson[] {
  return [...list.filter((other) => other.id !== lesson.id), lesson];
}

/**
 * The board kept live: `lesson:upserted` and `lesson:removed` change one lesson in place (stance
 * changes arrive in batches, as the server sends them); `lessons:changed` (a reveal, new
 * thresholds) and `codebook:changed` fetch the board and the themes again.
 */
export function useLiveLessons({ workshopId, api, initialBoard, isComplete, initialThemes }: LiveLessonsOptions) {
  const [board, setBoard] = useState(initialBoard);
  const [themes, setThemes] = useState(initialThemes);
  const [isLoading, setIsLoading] = useState(!isComplete);

  const upsert = useCallback((lesson: Lesson) => setBoard((current) => ({ ...current, lessons: withLesson(current.lessons, lesson) })), []);
  const remove = useCallback((lessonId: string) => setBoard((current) => ({ ...current, lessons: current.lessons.filter((other) => other.id !== lessonId) })), []);
  const dropNotice = useCallback(
    (lessonId: string) => setBoard((current) => ({ ...current, notices: current.notices.filter((notice) => notice.lessonId !== lessonId) })),
    [],
  );

  useEffect(() => {
    // Several refetches may overlap: only the last one's answer counts.
    let generation = 0;
    async function refetch(withThemes: boolean) {
      const mine = ++generation;
      try {
        const [next, codebook] = await Promise.all([api.board(), withThemes ? fetchThemes(workshopId) : null]);
        if (mine !== generation) return;
        setBoard(next);
        if (codebook) setThemes(codebook);
      } catch {
        // Offline or signed out: the next change or a reload brings the board back.
      } finally {
        if (mine === generation) setIsLoading(false);
      }
    }
    if (!isComplete) void refetch(false);
    const unsubscribe = subscribeToWorkshop(workshopId, {
      "lesson:upserted": ({ workshopId: changed, lesson }) => {
        if (changed === workshopId) upsert(lesson);
      },
      "lesson:removed": ({ workshopId: changed, lessonId }) => {
        if (changed === workshopId) remove(lessonId);
      },
      "lessons:changed": ({ workshopId: changed }) => {
        if (changed === workshopId) void refetch(false);
      },
      "codebook:changed": ({ workshopId: changed }) => {
        if (changed === workshopId) void refetch(true);
      },
    });
    return () => {
      generation += 1;
      unsubscribe();
    };
  }, [workshopId, api, isComplete, upsert, remove]);

  return { board, themes, isLoading, upsert, remove, dropNotice };
}

async function fetchThemes(workshopId: string): Promise<PresentedTheme[]> {
  const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/themes`);
  if (!response.ok) throw new Error(`themes: ${response.status}`);
  return ((await response.json()) as { themes: PresentedTheme[] }).themes;
}
