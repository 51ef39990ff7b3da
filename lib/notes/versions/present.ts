import type { MeetingNoteVersion, NoteVersionKind } from "@/lib/generated/prisma/client";
import { coarsenTime, type CoarseTime } from "@/lib/time/coarse-time";

/**
 * A version as anyone may see it: its name, why it was kept and a coarse time. Deliberately no
 * creator (the table has none) and no exact time: an exact time would let someone match a
 * version to whoever was at the keyboard then.
 */
export interface PresentedNoteVersion {
  id: string;
  /** As given (NAMED); for BEFORE_RESTORE the name of the version then restored; "" for SIGN_OFF. */
  name: string;
  kind: NoteVersionKind;
  savedAt: CoarseTime;
}

export function presentNoteVersion(version: Pick<MeetingNoteVersion, "id" | "name" | "kind" | "createdAt">): PresentedNoteVersion {
  return { id: version.id, name: version.name, kind: version.kind, savedAt: coarsenTime(version.createdAt) };
}
