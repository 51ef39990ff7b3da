import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Viewer } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { replaceNoteContent } from "../apply-note-change";
import { requireNotePermission } from "../note-access";
import { findVersionRow } from "./get-note-version";
import { keepNoteVersion, readNoteSnapshot } from "./keep-note-version";
import { presentNoteVersion, type PresentedNoteVersion } from "./present";

/**
 * Makes the note read as a version did, as one new change that every open editor receives.
 * Nothing is lost: the current text is first kept as a BEFORE_RESTORE version (named after the
 * version restored), which can itself be restored. Organizers and rapporteurs, on a draft.
 */
export async function restoreNoteVersion({
  viewer,
  workshopId,
  versionId,
}: {
  viewer: Viewer;
  workshopId: string;
  versionId: string;
}): Promise<{ kept: PresentedNoteVersion }> {
  await requireNotePermission(viewer, workshopId, "note.versions.restore");
  const version = await findVersionRow(workshopId, versionId);
  const kept = await keepNoteVersion(await getPrisma(), await readNoteSnapshot(workshopId), { kind: "BEFORE_RESTORE", name: version.name });
  await replaceNoteContent(workshopId, version.content as JSONContent);
  return { kept: presentNoteVersion(kept) };
}
