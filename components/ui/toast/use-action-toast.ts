"use client";

import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/page-helpers";
import { useToast } from "./Toaster";

/**
 * Announces a form's outcome as a toast: `success` once it is saved, `failure` with the reason
 * when it is not. Each new state from useActionState is announced once.
 */
export function useActionToast(state: ActionState, { success, failure }: { success: string; failure: string }): void {
  const notify = useToast();
  const announced = useRef<ActionState | null>(null);
  useEffect(() => {
    if (announced.current === state) return;
    announced.current = state;
    if (state.ok) notify({ title: success, kind: "success" });
    else if (state.error) notify({ title: failure, description: state.error, kind: "error" });
  }, [state, notify, success, failure]);
}
