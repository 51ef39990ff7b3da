import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findNoteAccess } from "@/lib/notes/note-access";
import { requireWorkshopPermission } from "@/lib/workshops/access";

/**
 * Those who may change the note may dismiss its warnings: the policy, then the note's own state
 * (findNoteAccess: signed off, participants reading only…). The note's id.
 */
export async function requireNoteEdit(viewer: Viewer, workshopId: string): Promise<string> {
  await requireWorkshopPermission(viewer, workshopId, "note.edit");
  const access = await findNoteAccess(workshopId, viewer.id);
  if (!access?.canEdit) throw new AppError("FORBIDDEN", "forbidden", "This note cannot be changed now.");
  const db = await getPrisma();
  // Never created here: whoever creates the note gives it its template. A note nobody has opened has no warnings.
  const note = await db.meetingNote.findUnique({ where: { workshopId }, select: { id: true } });
  if (!note) throw new AppError("NOT_FOUND", "notFound", "This workshop's note has not been opened yet, so it has no warnings to dismiss.");
  return note.id;
}
