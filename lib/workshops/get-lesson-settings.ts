import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { ZConsensusThresholds, type ConsensusThresholds } from "@/lib/consensus/consensus";
import { requireWorkshopPermission } from "./access";

export interface LessonSettings {
  /** Stances stay hidden until an organizer reveals them. */
  holdStances: boolean;
  /** The workshop's own thresholds; null when it uses the defaults. */
  consensusThresholds: ConsensusThresholds | null;
}

/** The workshop's lesson settings as its settings page edits them (organizers). */
export async function getLessonSettings({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<LessonSettings> {
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "workshop.changeStatus");
  const parsed = ZConsensusThresholds.safeParse(workshop.consensusThresholds);
  return { holdStances: workshop.holdStances, consensusThresholds: parsed.success ? parsed.data : null };
}
