import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { ZFingerprint } from "./dismiss-guard-warning";
import { requireNoteEdit } from "./require-note-edit";

/** Undoes a dismissal: the warning is listed again (nothing happens if it was not dismissed). */
export async function undoGuardDismissal({ viewer, workshopId, fingerprint }: { viewer: Viewer; workshopId: string; fingerprint: unknown }): Promise<void> {
  const parsed = parseInput(ZFingerprint, fingerprint);
  const noteId = await requireNoteEdit(viewer, workshopId);
  const db = await getPrisma();
  await db.noteGuardDismissal.deleteMany({ where: { noteId, fingerprint: parsed } });
}
