"use client";

import type { PresentedAnnotation, PresentedReply } from "@/lib/annotations/present";
import type { PresentedCitedPassage } from "@/lib/passages/present";
import type { PresentedTheme } from "@/lib/themes/present";

/** A failed request, with the server's message (already meant for a person). */
export class RequestError extends Error {}

async function send<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new RequestError(payload?.error?.message ?? `Request failed (${response.status}).`);
  return payload as T;
}

/** The reader's requests: its source's annotations and their replies, the codebook, passages. */
export function readerApi(workshopId: string, sourceId: string) {
  const base = `/api/workshops/${workshopId}`;
  return {
    annotations: () => send<{ annotations: PresentedAnnotation[] }>(`${base}/sources/${sourceId}/annotations`, "GET"),
    themes: () => send<{ themes: PresentedTheme[] }>(`${base}/themes`, "GET"),
    passage: (passageId: string) => send<{ passage: PresentedCitedPassage }>(`${base}/passages/${encodeURIComponent(passageId)}`, "GET"),
    create: (input: { start: number; end: number; revision?: number; comment: string; themeIds: string[] }) =>
      send<{ annotation: PresentedAnnotation }>(`${base}/sources/${sourceId}/annotations`, "POST", input),
    update: (id: string, input: { comment: string; themeIds: string[] }) =>
      send<{ annotation: PresentedAnnotation }>(`${base}/annotations/${id}`, "PATCH", input),
    remove: (id: string) => send<void>(`${base}/annotations/${id}`, "DELETE"),
    reply: (id: string, body: string) => send<{ reply: PresentedReply }>(`${base}/annotations/${id}/replies`, "POST", { body }),
    updateReply: (id: string, replyId: string, body: string) =>
      send<{ reply: PresentedReply }>(`${base}/annotations/${id}/replies/${replyId}`, "PATCH", { body }),
    setHidden: (id: string, hidden: boolean) =>
      send<{ annotation: PresentedAnnotation }>(`${base}/annotations/${id}/hidden`, "PUT", { hidden }),
    setReplyHidden: (id: string, replyId: string, hidden: boolean) =>
      send<void>(`${base}/annotations/${id}/replies/${replyId}/hidden`, "PUT", { hidden }),
    removeReply: (id: string, replyId: string) => send<void>(`${base}/annotations/${id}/replies/${replyId}`, "DELETE"),
    /** The passage on selected words, to cite in the note. */
    pickPassage: (input: { start: number; end: number; revision: number }) =>
      send<{ passage: { id: string } }>(`${base}/passages`, "POST", { sourceId, ...input }),
  };
}
