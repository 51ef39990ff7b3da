"use client";

import { useTranslations } from "next-intl";
import { useWhen } from "@/components/reader/use-when";
import type { PresentedNoteVersion } from "@/lib/notes/versions/present";

/** A version's title by its kind ("Before restoring “…”"), and when it was kept, coarsely. */
export function useVersionLabel() {
  const t = useTranslations("note.versions.panel");
  const when = useWhen();
  return {
    title: (version: PresentedNoteVersion) => t(`kind.${version.kind}`, { name: version.name }),
    savedAt: (version: PresentedNoteVersion) => t("savedAt", { when: when(version.savedAt) }),
  };
}
