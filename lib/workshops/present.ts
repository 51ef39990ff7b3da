import type { Membership, Workshop } from "@/lib/generated/prisma/client";
import { presentRetention } from "@/lib/retention/schedule";
import { permissionsOf } from "./policy";

/** A workshop as its member sees it: no one else's identity, only the viewer's own role. */
export function presentWorkshop(workshop: Workshop, membership: Pick<Membership, "role">) {
  return {
    id: workshop.id,
    title: workshop.title,
    description: workshop.description,
    date: workshop.date ? workshop.date.toISOString().slice(0, 10) : null,
    place: workshop.place,
    attribution: workshop.attribution,
    status: workshop.status,
    isDemo: workshop.isDemo,
    /** Participants write the note (organizers and rapporteurs always do; observers never). */
    participantsEditNote: workshop.participantsEditNote,
    /** The day it was last sealed (its ownership key destroyed), or null. */
    sealedOn: workshop.sealedAt ? workshop.sealedAt.toISOString().slice(0, 10) : null,
    /** Retention of raw contributions: the setting, the day it will run, the day it ran. */
    retention: presentRetention(workshop),
    myRole: membership.role,
    can: permissionsOf({ role: membership.role, status: workshop.status }),
  };
}

export type PresentedWorkshop = ReturnType<typeof presentWorkshop>;
