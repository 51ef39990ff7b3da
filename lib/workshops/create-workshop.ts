import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { ZCreateWorkshopInput, type CreateWorkshopInput } from "./schemas";

export interface CreateWorkshopOptions {
  viewer: Viewer;
  input: CreateWorkshopInput;
}

/** Creates a workshop with its creator as first organizer. Returns the new workshop's id. */
export async function createWorkshop({ viewer, input }: CreateWorkshopOptions): Promise<{ id: string }> {
  const fields = parseInput(ZCreateWorkshopInput, input);
  const db = await getPrisma();
  const workshop = await db.workshop.create({
    data: {
      ...fields,
      date: fields.date ? new Date(`${fields.date}T00:00:00Z`) : null,
      memberships: { create: { userId: viewer.id, role: "ORGANIZER" } },
    },
    select: { id: true },
  });
  return workshop;
}
