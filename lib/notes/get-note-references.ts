import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import type { Locale } from "@/i18n/config";
import { audienceFor } from "@/lib/annotations/audience";
import { findLessons } from "@/lib/lessons/find-lessons";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { parseInput, ZId } from "@/lib/validation";
import { loadNoteReferences } from "./load-note-references";
import { presentNoteReferences, type NoteReferencesView } from "./present-references";
import { referencedIds } from "./resolve-note";

const MAX_EXTRA_IDS = 200;
const ZIdList = z.array(ZId).max(MAX_EXTRA_IDS, "tooManyReferences");

/** Ids the editor has in its live document but the saved copy may not have yet (just inserted). */
export const ZExtraReferenceIds = z.object({ lessonIds: ZIdList.default([]), passageIds: ZIdList.default([]) });
export type ExtraReferenceIds = z.input<typeof ZExtraReferenceIds>;

/**
 * The references of the note as it is saved now (its lessons' phrases, its footnotes' sources),
 * plus those of `extra` ids (references the editor has just inserted, before the room saves the
 * note's JSON copy), and the lessons panel, for a member who may view the note. The editor
 * fetches it when the note opens and again when lessons change (the lessons:changed,
 * lesson:upserted and lesson:removed events).
 */
export async function getNoteReferences({
  viewer,
  workshopId,
  locale,
  extra,
}: {
  viewer: Viewer;
  workshopId: string;
  locale: Locale;
  extra?: ExtraReferenceIds;
}): Promise<NoteReferencesView> {
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "note.view");
  const asked = parseInput(ZExtraReferenceIds, extra ?? {});
  const db = await getPrisma();
  const [note, key, themes, board] = await Promise.all([
    db.meetingNote.findUnique({ where: { workshopId }, select: { content: true } }),
    findWorkshopKey(db, workshopId),
    db.theme.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    findLessons({ viewer, workshopId }),
  ]);
  const audience = audienceFor(viewer.id, membership.role, key);
  const saved = referencedIds(note?.content);
  const ids = {
    lessonIds: [...new Set([...saved.lessonIds, ...asked.lessonIds])],
    passageIds: [...new Set([...saved.passageIds, ...asked.passageIds])],
  };
  const references = await loadNoteReferences({ workshopId, locale, ids, audience, db });
  return presentNoteReferences(references, board, themes, locale);
}
