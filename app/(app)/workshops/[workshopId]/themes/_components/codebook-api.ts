"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { PresentedTheme, PresentedThemeProposal } from "@/lib/themes/present";
import type { ThemeUsage } from "@/lib/themes/count-theme-usage";
import type { ThemeColor } from "@/lib/themes/palette";

/** A refused request, with the server's message in the person's language and the field at fault. */
export class CodebookRequestError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface ThemeValues {
  name: string;
  description: string;
  color: ThemeColor;
}

type Translate = ReturnType<typeof useTranslations<"errors">>;

async function send<T>(t: Translate, networkError: string, url: string, method: string, body?: BodyInit | object): Promise<T> {
  let response: Response;
  try {
    const isRaw = body instanceof Blob;
    response = await fetch(url, {
      method,
      headers: body === undefined || isRaw ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : isRaw ? body : JSON.stringify(body),
    });
  } catch {
    throw new CodebookRequestError(networkError);
  }
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (payload as { error?: { message?: string; messageKey?: string; field?: string } }).error;
    // The catalog's message, in the person's language, when the server names one.
    const key = error?.messageKey;
    const message = key && t.has(key as "generic") ? t(key as "generic") : (error?.message ?? t("generic"));
    throw new CodebookRequestError(message, error?.field);
  }
  return payload as T;
}

/** The codebook's JSON routes, with errors in the person's language. */
export function useCodebookApi(workshopId: string) {
  const t = useTranslations("errors");
  const networkError = useTranslations("themes")("networkError");
  return useMemo(() => {
    const base = `/api/workshops/${encodeURIComponent(workshopId)}`;
    const call = <T>(path: string, method: string, body?: BodyInit | object) => send<T>(t, networkError, `${base}${path}`, method, body);
    return {
      themes: () => call<{ themes: PresentedTheme[] }>("/themes", "GET"),
      proposals: () => call<{ proposals: PresentedThemeProposal[] }>("/theme-proposals", "GET"),
      create: (values: ThemeValues) => call<{ theme: PresentedTheme }>("/themes", "POST", values),
      update: (themeId: string, values: Partial<ThemeValues>) => call<{ theme: PresentedTheme }>(`/themes/${themeId}`, "PATCH", values),
      move: (themeId: string, direction: "up" | "down") => call<{ themes: PresentedTheme[] }>("/themes/order", "PUT", { themeId, direction }),
      usage: (themeId: string) => call<{ usage: ThemeUsage }>(`/themes/${themeId}/usage`, "GET"),
      remove: (themeId: string) => call<{ usage: ThemeUsage }>(`/themes/${themeId}`, "DELETE"),
      merge: (themeId: string, targetId: string) => call<{ target: PresentedTheme }>(`/themes/${themeId}/merge`, "POST", { targetId }),
      importFile: (file: Blob) => call<{ added: number; skipped: number }>("/themes/import", "POST", file),
      propose: (values: { name: string; description: string; reason: string }) => call<{ proposal: PresentedThemeProposal }>("/theme-proposals", "POST", values),
      accept: (proposalId: string, edits: Partial<ThemeValues> = {}) => call<{ theme: PresentedTheme }>(`/theme-proposals/${proposalId}/accept`, "POST", edits),
      decline: (proposalId: string, response: string) => call<{ proposal: PresentedThemeProposal }>(`/theme-proposals/${proposalId}/decline`, "POST", { response }),
    };
  }, [workshopId, t, networkError]);
}

export type CodebookApi = ReturnType<typeof useCodebookApi>;
