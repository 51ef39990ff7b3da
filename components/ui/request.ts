"use client";

import type { useTranslations } from "next-intl";

/** A refused request, with the server's message in the person's language. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Translate = ReturnType<typeof useTranslations<"errors">>;

/**
 * Calls one of the app's JSON routes. A refusal becomes a RequestError carrying the `errors`
 * catalog's message when the server names one (else its English text), a network failure
 * `networkError`.
 */
export async function sendJson<T>(t: Translate, networkError: string, url: string, method: string, body?: object, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (failure) {
    if ((failure as Error).name === "AbortError") throw failure;
    throw new RequestError(networkError);
  }
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch((failure: Error) => {
    // Cancelled while the body was on its way: a cancellation, never an empty answer (a caller
    // reading `{}` as its data would break on fields that are not there).
    if (failure.name === "AbortError") throw failure;
    return {};
  });
  if (!response.ok) {
    const { code, message, messageKey, ...details } = (payload as { error?: { code?: string; message?: string; messageKey?: string } }).error ?? {};
    const text = messageKey && t.has(messageKey as "generic") ? t(messageKey as "generic") : (message ?? t("generic"));
    throw new RequestError(text, code, details);
  }
  return payload as T;
}
