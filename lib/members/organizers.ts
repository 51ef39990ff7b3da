import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Refuses a change that would leave the workshop with no organizer. */
export async function assertAnotherOrganizerRemains(tx: Tx, workshopId: string, leavingMembershipId: string): Promise<void> {
  // Lock the workshop's organizer rows so that two organizers demoting each other at the same
  // moment cannot both succeed.
  const others = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership"
    WHERE "workshopId" = ${workshopId} AND role = 'ORGANIZER' AND id <> ${leavingMembershipId}
    FOR UPDATE`;
  if (others.length === 0) {
    throw new AppError("CONFLICT", "lastOrganizer", "A workshop needs at least one organizer: appoint another one first.");
  }
}
