import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { parseInput, ZId } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { ZCreateAnnotationInput } from "@/lib/annotations/schemas";
import { pickPassage } from "./pick-passage";
import { presentPassage, type PresentedPassage } from "./present";

/** Words selected in the reader: a source and offsets in the revision they were taken from. */
export const ZPickPassageForNoteInput = ZCreateAnnotationInput.pick({ start: true, end: true, revision: true }).extend({ sourceId: ZId }).strict();


/**
 * The passage for words selected in the reader, for a footnote in the meeting note ("Cite in the
 * note"): the one already on those words, or a new one. Only for members who write the note; a
 * passage says nothing of who picked it.
 */
export async function pickPassageForNote({ viewer, workshopId, input }: { viewer: Viewer; workshopId: string; input: unknown }): Promise<PresentedPassage> {
  const { sourceId, start, end, revision } = parseInput(ZPickPassageForNoteInput, input);
  await requireWorkshopPermission(viewer, workshopId, "note.edit");
  const db = await getPrisma();
  const passage = await db.$transaction((tx) => pickPassage(tx, { workshopId, sourceId, start, end, revision }));
  return presentPassage(passage);
}
