import type { Role } from "@/lib/generated/prisma/enums";
import { isNoteAction, noteRefusal, permissionsOf, type WorkshopAction } from "./policy";

/** The message key (under `join.abilities`) that says an action in plain words. */
export function abilityMessageKey(action: WorkshopAction): string {
  return action.replaceAll(".", "_");
}

/**
 * What a role may do in an open workshop, read from the policy table (never restated by hand):
 * for the invitation page. Note actions follow the workshop's "participants write the note"
 * setting; reopening counts although the note is not signed off yet.
 */
export function abilitiesOfRole({ role, participantsEditNote }: { role: Role; participantsEditNote: boolean }): WorkshopAction[] {
  const context = { role, status: "OPEN" as const, participantsEditNote, isSignedOff: false };
  return (Object.entries(permissionsOf(context)) as [WorkshopAction, boolean][])
    .filter(([action, allowed]) => {
      if (!allowed) return false;
      if (!isNoteAction(action)) return true;
      const refusal = noteRefusal(context, action);
      return refusal === null || refusal === "notSignedOff";
    })
    .map(([action]) => action);
}
