"use client";

import type { GuardCheck } from "@/lib/notes/guard/types";

/** A refused or failed guard request; the message is meant for the person (the server's, in their language when it has one). */
export class GuardRequestError extends Error {}

async function send<T>(url: string, init: RequestInit, networkError: string, translate: (key: string) => string | null): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: init.body ? { "content-type": "application/json" } : undefined });
  } catch (failure) {
    if ((failure as Error).name === "AbortError") throw failure;
    throw new GuardRequestError(networkError);
  }
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (payload as { error?: { message?: string; messageKey?: string } }).error;
    throw new GuardRequestError((error?.messageKey && translate(error.messageKey)) || error?.message || networkError);
  }
  return payload as T;
}

/** The guard's routes: the stored note's check, a live check of the editor's blocks, dismissals. */
export function guardApi(workshopId: string, networkError: string, translate: (key: string) => string | null) {
  const base = `/api/workshops/${encodeURIComponent(workshopId)}/note/guard`;
  return {
    checkStored: (signal?: AbortSignal) => send<GuardCheck>(`${base}?includeDismissed=1`, { signal }, networkError, translate),
    checkBlocks: (blocks: string[], signal?: AbortSignal) =>
      send<GuardCheck>(base, { method: "POST", body: JSON.stringify({ blocks, includeDismissed: true }), signal }, networkError, translate),
    dismiss: (fingerprint: string, reason: string) =>
      send<{ dismissal: { fingerprint: string; reason: string } }>(`${base}/dismissals`, { method: "POST", body: JSON.stringify({ fingerprint, reason }) }, networkError, translate),
    undo: (fingerprint: string) => send<void>(`${base}/dismissals/${encodeURIComponent(fingerprint)}`, { method: "DELETE" }, networkError, translate),
  };
}

export type GuardApi = ReturnType<typeof guardApi>;
