import "server-only";
import { getPrisma, type Tx } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { ZCreateWorkshopInput, type CreateWorkshopInput } from "./schemas";

export interface CreateWorkshopOptions {
  viewer: Viewer;
  input: CreateWorkshopInput;
}

/**
 * Creates a workshop with its creator as first organizer. Returns the new workshop's id.
 * With `codebookFrom`, the new workshop starts with a copy of that workshop's codebook (names,
 * descriptions, colours, order) and remembers where it came from; only a workshop the creator
 * organizes may be copied, and any other id gets the same "not found".
 */
export async function createWorkshop({ viewer, input }: CreateWorkshopOptions): Promise<{ id: string }> {
  const { codebookFrom, ...fields } = parseInput(ZCreateWorkshopInput, input);
  const db = await getPrisma();
  return db.$transaction(async (tx) => {
    const themes = codebookFrom ? await codebookToCopy(tx, viewer, codebookFrom) : [];
    return tx.workshop.create({
      data: {
        ...fields,
        date: fields.date ? new Date(`${fields.date}T00:00:00Z`) : null,
        codebookOriginId: codebookFrom,
        memberships: { create: { userId: viewer.id, role: "ORGANIZER" } },
        themes: { create: themes.map(({ name, nameKey, description, color }, position) => ({ name, nameKey, description, color, position })) },
      },
      select: { id: true },
    });
  });
}

async function codebookToCopy(tx: Tx, viewer: Viewer, workshopId: string) {
  const membership = await tx.membership.findUnique({ where: { workshopId_userId: { workshopId, userId: viewer.id } }, select: { role: true } });
  if (membership?.role !== "ORGANIZER") {
    throw new AppError("NOT_FOUND", "codebookOriginNotFound", "Choose a workshop you organize to start from its codebook.", { field: "codebookFrom" });
  }
  return tx.theme.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}
