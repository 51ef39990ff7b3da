import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getPassage } from "@/lib/passages/get-passage";
import type { CitablePassage } from "@/components/note/cite/types";

/** The passage "Cite in the note" names, as the note's banner shows it; null when it is not (or no longer) there. */
export async function findCitablePassage(viewer: Viewer, workshopId: string, passageId: string): Promise<CitablePassage | null> {
  try {
    const passage = await getPassage({ viewer, workshopId, passageId });
    if (passage.isOrphan) return null;
    return { passageId: passage.id, quote: passage.quote.exact, sourceTitle: passage.source.title };
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
}
