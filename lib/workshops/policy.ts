import type { Role, WorkshopStatus } from "@/lib/generated/prisma/enums";

/** Everything a member may ask to do in a workshop; checked on the server for every request. */
export type WorkshopAction =
  | "workshop.view"
  | "workshop.edit"
  | "workshop.changeStatus"
  | "workshop.seal"
  | "members.view"
  | "members.invite"
  | "members.changeRole"
  | "members.remove"
  | "content.contribute"
  | "sources.manage"
  | "content.moderate"
  | "sources.revise"
  | "note.view"
  | "note.edit"
  | "note.settings"
  | "note.versions.view"
  | "note.versions.save"
  | "note.versions.restore"
  | "note.signOff"
  | "note.reopen"
  | "note.guardDetails"
  | "themes.manage"
  | "themes.propose"
  | "lessons.write"
  | "lessons.stance"
  | "lessons.merge"
  | "lessons.reveal"
  | "exports.download"
  | "workshop.retention";

const GRANTS: Record<WorkshopAction, readonly Role[]> = {
  "workshop.view": ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"],
  "workshop.edit": ["ORGANIZER"],
  "workshop.changeStatus": ["ORGANIZER"],
  // Not a write: sealing a closed or archived workshop is exactly what it is for.
  "workshop.seal": ["ORGANIZER"],
  // The member list names people: only organizers, who run the workshop, see it.
  "members.view": ["ORGANIZER"],
  "members.invite": ["ORGANIZER"],
  "members.changeRole": ["ORGANIZER"],
  "members.remove": ["ORGANIZER"],
  "content.contribute": ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT"],
  "sources.manage": ["ORGANIZER", "RAPPORTEUR"],
  // Not a write in WRITES below: organizers may still hide things once the workshop is closed,
  // before its record is shared.
  "content.moderate": ["ORGANIZER"],
  // Revising a text moves everyone's annotations (some may become orphans): the organizer's call.
  "sources.revise": ["ORGANIZER"],
  "note.view": ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"],
  // Rapporteurs and participants co-edit the note with the organizers; observers read it live.
  "note.edit": ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT"],
  // Whether participants write the note or only read it (NOTE_RULES below): a workshop setting.
  "note.settings": ["ORGANIZER"],
  // Versions carry no creator: listing and reading them shows nobody's work apart.
  "note.versions.view": ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"],
  // Who may write the note may keep a named version of it.
  "note.versions.save": ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT"],
  // Restoring replaces everyone's text (the current one is kept as a version first): the people
  // who answer for the note.
  "note.versions.restore": ["ORGANIZER", "RAPPORTEUR"],
  "note.signOff": ["ORGANIZER", "RAPPORTEUR"],
  // Reopening undoes a sign-off that others relied on: the organizers' call.
  "note.reopen": ["ORGANIZER"],
  // The attribution guard names the member a warning matches only to those who answer for the
  // note; anyone else is told "this may identify a person", never whose name it is. Not a write.
  "note.guardDetails": ["ORGANIZER", "RAPPORTEUR"],
  // The organizers govern the codebook (create, edit, order, merge, delete, import, decide
  // proposals); the room proposes. Organizers create directly, so they have nothing to propose.
  "themes.manage": ["ORGANIZER"],
  "themes.propose": ["RAPPORTEUR", "PARTICIPANT"],
  "lessons.write": ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT"],
  // Who may take a stance is also who counts as eligible in the consensus phrase (docs/CONSENSUS.md).
  "lessons.stance": ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT"],
  "lessons.merge": ["ORGANIZER", "RAPPORTEUR"],
  // Revealing held stances is a decision about the room's deliberation: the organizers'.
  "lessons.reveal": ["ORGANIZER"],
  // The whole record at once (every annotation, the lessons with their phrases, the note in every
  // format): for those who answer for the record. Not a write: a closed workshop is exported.
  "exports.download": ["ORGANIZER", "RAPPORTEUR"],
  // How long raw contributions are kept after closing. Not a write in WRITES: it matters most
  // once the workshop is closed, and it governs deletion, not content (like sealing).
  "workshop.retention": ["ORGANIZER"],
};

/** Actions that change the workshop's content or membership, refused once it is closed or archived. */
const WRITES: ReadonlySet<WorkshopAction> = new Set([
  "workshop.edit",
  "members.invite",
  "members.changeRole",
  "members.remove",
  "content.contribute",
  "sources.manage",
  "sources.revise",
  "note.edit",
  "note.settings",
  "note.versions.save",
  "note.versions.restore",
  "note.signOff",
  "note.reopen",
  "themes.manage",
  "themes.propose",
  "lessons.write",
  "lessons.stance",
  "lessons.merge",
  "lessons.reveal",
]);

export interface WorkshopAccessContext {
  role: Role;
  status: WorkshopStatus;
}

/** Whether a member with this role may do this now, given the workshop's status. */
export function can({ role, status }: WorkshopAccessContext, action: WorkshopAction): boolean {
  if (!GRANTS[action].includes(role)) return false;
  if (status !== "OPEN" && WRITES.has(action)) return false;
  return true;
}

/** The roles that may ever do this (whatever the workshop's status), for queries over members. */
export function rolesAllowedTo(action: WorkshopAction): readonly Role[] {
  return GRANTS[action];
}

/** The list of actions, for presenting "what can I do here" to the browser. */
export function permissionsOf(context: WorkshopAccessContext): Record<WorkshopAction, boolean> {
  const entries = (Object.keys(GRANTS) as WorkshopAction[]).map((action) => [action, can(context, action)] as const);
  return Object.fromEntries(entries) as Record<WorkshopAction, boolean>;
}

/** The note's actions whose answer also depends on the note itself (the setting, the sign-off). */
export type NoteAction = "note.edit" | "note.versions.save" | "note.versions.restore" | "note.signOff" | "note.reopen";

/**
 * How each note action depends on the note's state: `needs` a draft (refused once signed off:
 * a signed-off note is read-only for everyone) or a signed-off note; `followsSetting`: roles in
 * SETTING_ROLES have it only while the workshop lets participants edit the note.
 */
const NOTE_RULES: Record<NoteAction, { needs: "draft" | "signedOff"; followsSetting: boolean }> = {
  "note.edit": { needs: "draft", followsSetting: true },
  "note.versions.save": { needs: "draft", followsSetting: true },
  "note.versions.restore": { needs: "draft", followsSetting: false },
  "note.signOff": { needs: "draft", followsSetting: false },
  "note.reopen": { needs: "signedOff", followsSetting: false },
};

/** The roles that write the note only when `Workshop.participantsEditNote` is on. */
const SETTING_ROLES: readonly Role[] = ["PARTICIPANT"];

export interface NoteAccessContext extends WorkshopAccessContext {
  participantsEditNote: boolean;
  isSignedOff: boolean;
}

/** Why a note action is refused (checked in this order), or null when it is allowed. */
export type NoteRefusal = "role" | "readOnly" | "participantsRead" | "signedOff" | "notSignedOff";

/** The one rule for the note: the role table, the workshop's status, the setting, the sign-off. */
export function noteRefusal(context: NoteAccessContext, action: NoteAction): NoteRefusal | null {
  if (!GRANTS[action].includes(context.role)) return "role";
  if (!can(context, action)) return "readOnly";
  const rule = NOTE_RULES[action];
  if (rule.followsSetting && !context.participantsEditNote && SETTING_ROLES.includes(context.role)) return "participantsRead";
  if (rule.needs === "draft" && context.isSignedOff) return "signedOff";
  if (rule.needs === "signedOff" && !context.isSignedOff) return "notSignedOff";
  return null;
}

/** Whether a member may do this to the note now. */
export function canOnNote(context: NoteAccessContext, action: NoteAction): boolean {
  return noteRefusal(context, action) === null;
}

/** Whether this action is one of the note's, whose answer also depends on the note (NOTE_RULES). */
export function isNoteAction(action: WorkshopAction): action is NoteAction {
  return Object.hasOwn(NOTE_RULES, action);
}
