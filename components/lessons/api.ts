"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import { sendJson as send } from "@/components/ui/request";
import type { Lesson, LessonBoard, LessonInput, SimilarLesson, Stance } from "./types";

/** A refused request, with the server's message in the person's language. */
export { RequestError as LessonRequestError } from "@/components/ui/request";

/** The lessons' JSON routes, with errors in the person's language. */
export function useLessonsApi(workshopId: string) {
  const t = useTranslations("errors");
  const networkError = useTranslations("lessons")("networkError");
  return useMemo(() => {
    const base = `/api/workshops/${encodeURIComponent(workshopId)}`;
    const call = <T>(path: string, method: string, body?: object, signal?: AbortSignal) => send<T>(t, networkError, `${base}${path}`, method, body, signal);
    const one = (lessonId: string) => `/lessons/${encodeURIComponent(lessonId)}`;
    return {
      board: () => call<LessonBoard>("/lessons", "GET"),
      get: (lessonId: string) => call<{ lesson: Lesson }>(one(lessonId), "GET"),
      create: (input: LessonInput) => call<{ lesson: Lesson }>("/lessons", "POST", input),
      update: (lessonId: string, input: Partial<LessonInput>) => call<{ lesson: Lesson }>(one(lessonId), "PATCH", input),
      remove: (lessonId: string) => call<void>(one(lessonId), "DELETE"),
      setHidden: (lessonId: string, hidden: boolean) => call<{ lesson: Lesson }>(`${one(lessonId)}/hidden`, hidden ? "PUT" : "DELETE"),
      setStance: (lessonId: string, stance: Stance | null) => call<{ lesson: Lesson }>(`${one(lessonId)}/stance`, "PUT", { stance }),
      merge: (lessonId: string, fromLessonId: string) => call<{ lesson: Lesson }>(`${one(lessonId)}/merge`, "POST", { fromLessonId }),
      dismissNotice: (lessonId: string) => call<void>(`/lessons/notices/${encodeURIComponent(lessonId)}/dismiss`, "POST"),
      reveal: () => call<void>("/lessons/reveal", "POST"),
      similar: (q: string, signal: AbortSignal, exclude?: string) =>
        call<{ lessons: SimilarLesson[] }>(`/lessons/similar?${new URLSearchParams(exclude ? { q, exclude } : { q })}`, "GET", undefined, signal),
      sourceAnnotations: (sourceId: string) => call<{ annotations: PresentedAnnotation[] }>(`/sources/${encodeURIComponent(sourceId)}/annotations`, "GET"),
    };
  }, [workshopId, t, networkError]);
}

export type LessonsApi = ReturnType<typeof useLessonsApi>;
