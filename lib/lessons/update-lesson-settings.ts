import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZConsensusThresholds } from "@/lib/consensus/consensus";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { notifyLessonsChanged } from "@/lib/realtime/hub";
import { getLessonSettings, type LessonSettings } from "./get-lesson-settings";

export const ZLessonSettingsInput = z
  .object({
    holdStances: z.boolean({ message: "holdStancesInvalid" }).optional(),
    consensusThresholds: ZConsensusThresholds.nullable().optional(),
  })
  .strict();
export type LessonSettingsInput = z.input<typeof ZLessonSettingsInput>;

/**
 * Changes the workshop's lesson settings (organizers, as other workshop settings): holding
 * stances until revealed, and the consensus thresholds (null: the defaults). Fields left out
 * stay as they are. Turning the hold on again holds the stances until the next reveal. Open
 * boards fetch the lessons again.
 */
export async function updateLessonSettings({ viewer, workshopId, input }: { viewer: Viewer; workshopId: string; input: LessonSettingsInput }): Promise<LessonSettings> {
  const { holdStances, consensusThresholds } = parseInput(ZLessonSettingsInput, input);
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "workshop.edit");
  const db = await getPrisma();
  await db.workshop.update({
    where: { id: workshopId },
    data: {
      ...(holdStances !== undefined ? { holdStances } : {}),
      ...(holdStances === true && !workshop.holdStances ? { stancesRevealedAt: null } : {}),
      ...(consensusThresholds !== undefined ? { consensusThresholds: consensusThresholds ?? Prisma.DbNull } : {}),
    },
  });
  notifyLessonsChanged(workshopId);
  return getLessonSettings({ viewer, workshopId });
}
