import { isAppError } from "@/lib/errors";
import { getWorkshopAccess } from "@/lib/workshops/access";
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
  try {
    const { membership, workshop } = await getWorkshopAccess({ id: userId }, workshopId);
    const context = { role: membership.role, status: workshop.status };
    if (!can(context, "note.view")) return null;
    return { canEdit: can(context, "note.edit") };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
