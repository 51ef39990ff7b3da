"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { subscribeToWorkshop } from "@/components/realtime/connect";
import type { ReferencedIds } from "@/lib/notes/resolve-note";
import type { NoteReferencesView } from "@/lib/notes/present-references";

/** Events from one change (a batch of stances) arrive together: one fetch for all of them. */
const REFETCH_DELAY_MS = 150;
/** The route's limit on ids asked for beyond those of the saved note. */
const MAX_ASKED_IDS = 200;

function referencesUrl(workshopId: string, { lessonIds, passageIds }: ReferencedIds): string {
  const query = new URLSearchParams();
  if (lessonIds.length) query.set("lessonIds", lessonIds.slice(0, MAX_ASKED_IDS).join(","));
  if (passageIds.length) query.set("passageIds", passageIds.slice(0, MAX_ASKED_IDS).join(","));
  const search = query.size ? `?${query}` : "";
  return `/api/workshops/${encodeURIComponent(workshopId)}/note/references${search}`;
}

/**
 * The note's references and the side panel's lessons, kept live: lessons and stances change
 * (`lesson:upserted`, `lesson:removed`, `lessons:changed`), the codebook changes
 * (`codebook:changed`), sign-off and reopening (`note:status`), so the phrases change for
 * everyone with no reload. `refresh(ids)` asks
 * again for the ids the open document holds: the server knows the note as last saved, which
 * follows the room by a moment, so a lesson just inserted is asked for by id.
 */
export function useNoteReferences(workshopId: string) {
  const [answer, setAnswer] = useState<NoteReferencesView | null>(null);
  const [hasFailed, setHasFailed] = useState(false);
  const refreshRef = useRef<(ids: ReferencedIds) => void>(() => {});

  useEffect(() => {
    // Only the last request's answer counts when several overlap.
    let generation = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let wanted: ReferencedIds = { lessonIds: [], passageIds: [] };
    async function fetchReferences() {
      timer = null;
      const mine = ++generation;
      try {
        const response = await fetch(referencesUrl(workshopId, wanted), { cache: "no-store" });
        if (!response.ok) throw new Error(`references: ${response.status}`);
        const next = (await response.json()) as NoteReferencesView;
        if (mine !== generation) return;
        setAnswer(next);
        setHasFailed(false);
      } catch {
        // Offline or signed out: the next change or a reload asks again.
        if (mine === generation) setHasFailed(true);
      }
    }
    const schedule = () => {
      timer ??= setTimeout(() => void fetchReferences(), REFETCH_DELAY_MS);
    };
    refreshRef.current = (ids) => {
      wanted = ids;
      schedule();
    };
    void fetchReferences();
    const ours = (listener: () => void) => (payload: { workshopId: string }) => {
      if (payload.workshopId === workshopId) listener();
    };
    const unsubscribe = subscribeToWorkshop(workshopId, {
      "lesson:upserted": ours(schedule),
      "lesson:removed": ours(schedule),
      "lessons:changed": ours(schedule),
      "codebook:changed": ours(schedule),
      // Signing off freezes the phrases and reopening frees them again.
      "note:status": ours(schedule),
    });
    return () => {
      generation += 1;
      if (timer) clearTimeout(timer);
      refreshRef.current = () => {};
      unsubscribe();
    };
  }, [workshopId]);

  const refresh = useCallback((ids: ReferencedIds) => refreshRef.current(ids), []);
  return { answer, hasFailed, refresh };
}
