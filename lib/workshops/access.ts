// Deliberately not "server-only": the socket server (server.ts, run outside Next's bundler)
// asks the same question through the same function. Nothing here can reach a browser bundle
// anyway: it needs the database.
import { getPrisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { isId } from "@/lib/validation";
import { can, type WorkshopAction } from "./policy";
import type { Membership, Workshop } from "@/lib/generated/prisma/client";

export interface WorkshopAccess {
  workshop: Workshop;
  membership: Membership;
}

/**
 * The workshop as seen by one of its members. A non-member gets the same "not found" as for a
 * workshop that does not exist, so ids of other workshops reveal nothing. The one membership
 * lookup: pages, route handlers, server actions and socket handlers all ask here.
 */
export async function getWorkshopAccess(viewer: Pick<Viewer, "id">, workshopId: string): Promise<WorkshopAccess> {
  if (!isId(workshopId)) throw notFound("Workshop");
  const db = await getPrisma();
  const membership = await db.membership.findUnique({
    where: { workshopId_userId: { workshopId, userId: viewer.id } },
    include: { workshop: true },
  });
  if (!membership) throw notFound("Workshop");
  const { workshop, ...rest } = membership;
  return { workshop, membership: rest };
}

/** Like getWorkshopAccess, and also requires permission for an action. */
export async function requireWorkshopPermission(
  viewer: Pick<Viewer, "id">,
  workshopId: string,
  action: WorkshopAction,
): Promise<WorkshopAccess> {
  const access = await getWorkshopAccess(viewer, workshopId);
  if (!can({ role: access.membership.role, status: access.workshop.status }, action)) {
    if (access.workshop.status !== "OPEN" && can({ role: access.membership.role, status: "OPEN" }, action)) {
      throw new AppError("FORBIDDEN", "workshopReadOnly", "This workshop is closed or archived, so it is read-only.");
    }
    throw new AppError("FORBIDDEN", "forbidden", "Your role in this workshop does not allow this.");
  }
  return access;
}
