import { getPrisma } from "@/lib/db";
import { can } from "@/lib/workshops/policy";

export interface NoteAccess {
  canEdit: boolean;
}

/**
 * What a person may do with a workshop's note, checked against the database on every request
 * (roles and the workshop's status change while sockets stay open). null: not a member, which
 * callers report exactly like a workshop that does not exist.
 */
export async function findNoteAccess(workshopId: string, userId: string): Promise<NoteAccess | null> {
  const db = await getPrisma();
  const membership = await db.membership.findUnique({
    where: { workshopId_userId: { workshopId, userId } },
    select: { role: true, workshop: { select: { status: true } } },
  });
  if (!membership) return null;
  const context = { role: membership.role, status: membership.workshop.status };
  if (!can(context, "note.view")) return null;
  return { canEdit: can(context, "note.edit") };
}
