"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { GuardWarning } from "@/lib/notes/guard/types";
import { useGuardApi } from "./use-guard-api";

/** How long after the last change the note is checked again. */
export const GUARD_DEBOUNCE_MS = 1_000;

export interface NoteGuardState {
  /** Open warnings, in document order. */
  warnings: GuardWarning[];
  /** Dismissed warnings still in the note, each with its reason. */
  dismissed: GuardWarning[];
  isDetailed: boolean;
  isChecking: boolean;
  error: string | null;
}

/**
 * The live attribution guard for the note editor. `getBlocks` returns the document's text blocks
 * now (textBlocksOf(editor.state.doc), ./editor-blocks.ts); the editor calls `notifyChange` on
 * every document change and the note is checked again a second after the last one. The first
 * check runs at once. Dismiss and undo re-check.
 */
export function useNoteGuard(workshopId: string, getBlocks: () => string[] | null) {
  const api = useGuardApi(workshopId);
  const [state, setState] = useState<NoteGuardState>({ warnings: [], dismissed: [], isDetailed: false, isChecking: true, error: null });
  const getBlocksRef = useRef(getBlocks);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => {
    getBlocksRef.current = getBlocks;
  }, [getBlocks]);

  const check = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((current) => ({ ...current, isChecking: true }));
    try {
      const blocks = getBlocksRef.current();
      const result = blocks ? await api.checkBlocks(blocks, controller.signal) : await api.checkStored(controller.signal);
      if (controller.signal.aborted) return;
      setState({
        warnings: result.warnings.filter((warning) => warning.dismissedReason === undefined),
        dismissed: result.warnings.filter((warning) => warning.dismissedReason !== undefined),
        isDetailed: result.isDetailed,
        isChecking: false,
        error: null,
      });
    } catch (failure) {
      if ((failure as Error).name === "AbortError" || controller.signal.aborted) return;
      setState((current) => ({ ...current, isChecking: false, error: (failure as Error).message }));
    }
  }, [api]);

  const notifyChange = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void check(), GUARD_DEBOUNCE_MS);
  }, [check]);

  useEffect(() => {
    const first = setTimeout(() => void check(), 0);
    return () => {
      clearTimeout(first);
      if (timer.current) clearTimeout(timer.current);
      inFlight.current?.abort();
    };
  }, [check]);

  const dismiss = useCallback(
    async (fingerprint: string, reason: string) => {
      await api.dismiss(fingerprint, reason);
      await check();
    },
    [api, check],
  );
  const undo = useCallback(
    async (fingerprint: string) => {
      await api.undo(fingerprint);
      await check();
    },
    [api, check],
  );

  return { ...state, notifyChange, recheck: check, dismiss, undo };
}

export type NoteGuard = ReturnType<typeof useNoteGuard>;
