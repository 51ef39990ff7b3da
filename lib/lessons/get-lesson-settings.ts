import "server-only";
import type { Viewer } from "@/lib/auth/session";
import type { ConsensusThresholds } from "@/lib/consensus/consensus";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { thresholdsOf } from "./context";

export interface LessonSettings {
  /** "Keep stances hidden until revealed" is on. */
  holdStances: boolean;
  /** Whether an organizer has revealed them since (stances are held while on and not revealed). */
  isRevealed: boolean;
  /** The thresholds in force. */
  thresholds: ConsensusThresholds;
  /** Whether they are the defaults (none stored). */
  isDefaultThresholds: boolean;
}

/** The workshop's lesson settings, for its settings page (any member may read them: they explain the phrases). */
export async function getLessonSettings({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<LessonSettings> {
  const { workshop } = await getWorkshopAccess(viewer, workshopId);
  return {
    holdStances: workshop.holdStances,
    isRevealed: workshop.stancesRevealedAt !== null,
    thresholds: thresholdsOf(workshop),
    isDefaultThresholds: workshop.consensusThresholds === null,
  };
}
