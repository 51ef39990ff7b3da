"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { sendJson } from "@/components/ui/request";
import type { NoteVersionsPanel } from "@/lib/notes/versions/find-note-versions";
import type { PresentedNoteVersion } from "@/lib/notes/versions/present";

export type { NoteVersionsPanel, PresentedNoteVersion };

/** The note's versions and sign-off routes, with errors in the person's language. */
export function useNoteVersionsApi(workshopId: string) {
  const t = useTranslations("errors");
  const networkError = useTranslations("note.versions.panel")("networkError");
  return useMemo(() => {
    const base = `/api/workshops/${encodeURIComponent(workshopId)}/note`;
    const call = <T>(path: string, method: string, body?: object) => sendJson<T>(t, networkError, `${base}${path}`, method, body);
    return {
      panel: () => call<NoteVersionsPanel>("/versions", "GET"),
      save: (name: string) => call<{ version: PresentedNoteVersion }>("/versions", "POST", { name }),
      restore: (versionId: string) => call<{ kept: PresentedNoteVersion }>(`/versions/${encodeURIComponent(versionId)}/restore`, "POST"),
      signOff: () => call<{ version: PresentedNoteVersion }>("/sign-off", "POST"),
      reopen: () => call<void>("/reopen", "POST"),
    };
  }, [workshopId, t, networkError]);
}
