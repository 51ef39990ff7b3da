import type { Viewer } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { getWorkshopAccess, type WorkshopAccess } from "@/lib/workshops/access";
import { can, noteRefusal, type NoteAccessContext, type NoteAction, type NoteRefusal } from "@/lib/workshops/policy";

export interface NoteAccess {
  canEdit: boolean;
  /** The note is signed off: read-only for everyone until an organizer reopens it. */
  isSignedOff: boolean;
  /** Every note action, for the page to show only what this person may do now. */
  can: Record<NoteAction, boolean>;
}

const NOTE_ACTIONS: readonly NoteAction[] = ["note.edit", "note.versions.save", "note.versions.restore", "note.signOff", "note.reopen"];

/** The note's part of the access question, for a member already looked up. */
async function noteContextOf({ workshop, membership }: WorkshopAccess): Promise<NoteAccessContext & { noteId: string | null }> {
  const db = await getPrisma();
  const note = await db.meetingNote.findUnique({ where: { workshopId: workshop.id }, select: { id: true, signedOffAt: true } });
  return {
    role: membership.role,
    status: workshop.status,
    participantsEditNote: workshop.participantsEditNote,
    isSignedOff: note?.signedOffAt != null,
    noteId: note?.id ?? null,
  };
}

/**
 * What a person may do with a workshop's note, checked against the database on every request
 * (roles, the workshop's status, its "participants edit the note" setting and the sign-off all
 * change while sockets stay open). null: not a member, which callers report exactly like a
 * workshop that does not exist. The rule itself is lib/workshops/policy.ts `noteRefusal`.
 */
export async function findNoteAccess(workshopId: string, userId: string): Promise<NoteAccess | null> {
  try {
    const access = await getWorkshopAccess({ id: userId }, workshopId);
    const context = await noteContextOf(access);
    if (!can(context, "note.view")) return null;
    const permissions = Object.fromEntries(NOTE_ACTIONS.map((action) => [action, noteRefusal(context, action) === null])) as Record<NoteAction, boolean>;
    return { canEdit: permissions["note.edit"], isSignedOff: context.isSignedOff, can: permissions };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

const REFUSALS: Record<NoteRefusal, () => AppError> = {
  role: () => new AppError("FORBIDDEN", "forbidden", "Your role in this workshop does not allow this."),
  readOnly: () => new AppError("FORBIDDEN", "workshopReadOnly", "This workshop is closed or archived, so it is read-only."),
  participantsRead: () =>
    new AppError("FORBIDDEN", "noteAccess.participantsRead", "In this workshop, participants read the note; organizers and rapporteurs write it."),
  signedOff: () => new AppError("CONFLICT", "noteAccess.signedOff", "The note is signed off, so it is read-only. An organizer can reopen it."),
  notSignedOff: () => new AppError("CONFLICT", "noteAccess.notSignedOff", "The note is not signed off: there is nothing to reopen."),
};

/**
 * Like requireWorkshopPermission, for the note's actions: throws the reason it is refused
 * (role, closed workshop, the setting, the sign-off). Returns the access and the note's id (null
 * while the note has never been opened).
 */
export async function requireNotePermission(
  viewer: Pick<Viewer, "id">,
  workshopId: string,
  action: NoteAction,
): Promise<WorkshopAccess & { noteId: string | null }> {
  const access = await getWorkshopAccess(viewer, workshopId);
  const context = await noteContextOf(access);
  const refusal = noteRefusal(context, action);
  if (refusal) throw REFUSALS[refusal]();
  return { ...access, noteId: context.noteId };
}
