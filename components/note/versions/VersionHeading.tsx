"use client";

import type { PresentedNoteVersion } from "@/lib/notes/versions/present";
import { useVersionLabel } from "./use-version-label";

/** A version's title and when it was kept, coarsely (client side: "today" is the reader's today). */
export function VersionHeading({ version }: { version: PresentedNoteVersion }) {
  const label = useVersionLabel();
  return (
    <p>
      <strong>{label.title(version)}</strong> <span className="hint">{label.savedAt(version)}</span>
    </p>
  );
}
