"use client";

import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { PresentedTheme } from "@/lib/themes/present";
import { byDocumentOrder } from "@/lib/annotations/order";
import { subscribeToWorkshop } from "@/components/realtime/connect";
import { readerApi } from "./api";

interface LiveAnnotationsOptions {
  workshopId: string;
  source: { id: string; revision: number };
  initialThemes: PresentedTheme[];
  initialAnnotations: PresentedAnnotation[];
}

/** The list with this annotation added or replaced, in document order. */
function withAnnotation(list: PresentedAnnotation[], annotation: PresentedAnnotation): PresentedAnnotation[] {
  return [...list.filter((other) => other.id !== annotation.id), annotation].sort(byDocumentOrder);
}

/**
 * A source's annotations and the workshop's codebook, kept live: annotation events upsert and
 * remove; `codebook:changed` (a theme added, renamed, recoloured, merged, deleted) fetches the
 * themes and the annotations again, so colours, names and merged tags change without a reload;
 * a revision of the text reloads the page.
 */
export function useLiveAnnotations({ workshopId, source, initialThemes, initialAnnotations }: LiveAnnotationsOptions) {
  const router = useRouter();
  const [annotations, setAnnotations] = useState(initialAnnotations);
  const [themes, setThemes] = useState(initialThemes);

  const upsert = useCallback((annotation: PresentedAnnotation) => setAnnotations((current) => withAnnotation(current, annotation)), []);
  const remove = useCallback((id: string) => setAnnotations((current) => current.filter((other) => other.id !== id)), []);

  useEffect(() => {
    const api = readerApi(workshopId, source.id);
    // Several changes in a row (a merge then a reorder) may overlap: only the last refetch counts.
    let generation = 0;
    // Annotation events heard while a refetch is under way may be newer than its answer: they
    // are applied again on top of it.
    let heardMeanwhile: ((list: PresentedAnnotation[]) => PresentedAnnotation[])[] | null = null;
    const apply = (change: (list: PresentedAnnotation[]) => PresentedAnnotation[]) => {
      heardMeanwhile?.push(change);
      setAnnotations(change);
    };
    async function refetchCodebook() {
      const mine = ++generation;
      heardMeanwhile = [];
      try {
        const [{ themes }, { annotations }] = await Promise.all([api.themes(), api.annotations()]);
        if (mine !== generation) return;
        const replay = heardMeanwhile;
        heardMeanwhile = null;
        setThemes(themes);
        setAnnotations(replay.reduce((list, change) => change(list), [...annotations].sort(byDocumentOrder)));
      } catch {
        // Offline or signed out: the next change or a reload brings the codebook back.
        if (mine === generation) heardMeanwhile = null;
      }
    }
    const unsubscribe = subscribeToWorkshop(workshopId, {
      "annotation:upserted": ({ annotation }) => {
        if (annotation.sourceId === source.id) apply((list) => withAnnotation(list, annotation));
      },
      "annotation:removed": ({ annotationId }) => apply((list) => list.filter((other) => other.id !== annotationId)),
      "codebook:changed": ({ workshopId: changed }) => {
        if (changed === workshopId) void refetchCodebook();
      },
      // The page keys this reader by revision, so the refreshed text and annotations start afresh.
      "source:revised": ({ sourceId, revision }) => {
        if (sourceId === source.id && revision !== source.revision) router.refresh();
      },
    });
    return () => {
      generation += 1;
      unsubscribe();
    };
  }, [workshopId, source.id, source.revision, router]);

  return { annotations, themes, upsert, remove };
}
