import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { findNoteAccess, type NoteAccess } from "../note-access";
import { presentNoteVersion, type PresentedNoteVersion } from "./present";

export interface NoteVersionsPanel {
  /** Newest first. */
  versions: PresentedNoteVersion[];
  /** What this person may do with the note now (save, restore, sign off, reopen). */
  access: NoteAccess;
}

/**
 * The note's versions (name, kind and coarse time, never who saved them), and what the viewer
 * may do with them: any member may list them, whatever the workshop's status.
 */
export async function findNoteVersions({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<NoteVersionsPanel> {
  await requireWorkshopPermission(viewer, workshopId, "note.versions.view");
  const access = await findNoteAccess(workshopId, viewer.id);
  if (!access) throw notFound("Workshop");
  const db = await getPrisma();
  const versions = await db.meetingNoteVersion.findMany({
    where: { note: { workshopId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, kind: true, createdAt: true },
  });
  return { versions: versions.map(presentNoteVersion), access };
}
