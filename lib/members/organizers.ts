import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Refuses a change that would leave the workshop with no organizer. */
export async function assertAnotherOrganizerRemains(tx: Tx, workshopId: string, leavingMembershipId: string): Promise<void> {
  // Lock every organizer row of the workshop, always in the same order: two organizers demoting
  // each other at once then queue instead of deadlocking, and the second sees the first's change.
  const organizers = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership"
    WHERE "workshopId" = ${workshopId} AND role = 'ORGANIZER'
    ORDER BY id
    FOR UPDATE`;
  if (!organizers.some((organizer) => organizer.id !== leavingMembershipId)) {
    throw new AppError("CONFLICT", "lastOrganizer", "A workshop needs at least one organizer: appoint another one first.");
  }
}
