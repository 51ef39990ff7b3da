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
  | "themes.manage"
  | "themes.propose"
  | "lessons.write"
  | "lessons.stance"
  | "lessons.merge"
  | "lessons.reveal";

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
