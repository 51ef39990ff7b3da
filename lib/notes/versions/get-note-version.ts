import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Viewer } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { MeetingNoteVersion } from "@/lib/generated/prisma/client";
import { isId } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { presentNoteVersion, type PresentedNoteVersion } from "./present";

/** One version of a workshop's note (any row of another workshop's note is "not found"). */
export async function findVersionRow(workshopId: string, versionId: string): Promise<MeetingNoteVersion> {
  if (!isId(versionId)) throw notFound("Note version");
  const db = await getPrisma();
  const version = await db.meetingNoteVersion.findFirst({ where: { id: versionId, note: { workshopId } } });
  if (!version) throw notFound("Note version");
  return version;
}

/** A version to read: its presented fields and its content (the editor JSON; ids only, no people). */
export async function getNoteVersion({
  viewer,
  workshopId,
  versionId,
}: {
  viewer: Viewer;
  workshopId: string;
  versionId: string;
}): Promise<{ version: PresentedNoteVersion; content: JSONContent }> {
  await requireWorkshopPermission(viewer, workshopId, "note.versions.view");
  const row = await findVersionRow(workshopId, versionId);
  return { version: presentNoteVersion(row), content: row.content as JSONContent };
}
