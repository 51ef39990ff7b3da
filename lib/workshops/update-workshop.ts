import "server-only";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "./access";
import { logger } from "@/lib/logger";
import { vacuumContributionTables } from "@/lib/ownership/vacuum";
import { Prisma } from "@/lib/generated/prisma/client";
import { notifyLessonsChanged } from "@/lib/realtime/hub";
import { ZUpdateWorkshopInput, type UpdateWorkshopInput } from "./schemas";

export interface UpdateWorkshopOptions {
  viewer: Viewer;
  workshopId: string;
  input: UpdateWorkshopInput;
}

/**
 * Edits a workshop's details. The attribution rule may go from Attributed to Chatham House,
 * never back: that would put names on contributions made under the promise of anonymity. Going
 * to Chatham House deletes the workshop's author links in the same transaction, leaving only
 * the owner tags every contribution already carries (lib/ownership/). Holding stances and the
 * consensus thresholds change only when given; turning the hold on again hides the stances
 * until the next reveal.
 */
export async function updateWorkshop({ viewer, workshopId, input }: UpdateWorkshopOptions): Promise<void> {
  const fields = parseInput(ZUpdateWorkshopInput, input);
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "workshop.edit");
  if (workshop.attribution === "CHATHAM_HOUSE" && fields.attribution === "ATTRIBUTED") {
    throw new AppError(
      "CONFLICT",
      "attributionIrreversible",
      "A Chatham House workshop cannot become attributed: that would reveal who said what.",
    );
  }
  const db = await getPrisma();
  const becomesAnonymous = workshop.attribution === "ATTRIBUTED" && fields.attribution === "CHATHAM_HOUSE";
  const { holdStances, consensusThresholds, ...details } = fields;
  const holdTurnsOn = holdStances === true && !workshop.holdStances;
  const lessonsChange = (holdStances !== undefined && holdStances !== workshop.holdStances) || consensusThresholds !== undefined;
  await db.$transaction(async (tx) => {
    await tx.workshop.update({
      where: { id: workshopId },
      data: {
        ...details,
        date: details.date ? new Date(`${details.date}T00:00:00Z`) : null,
        ...(holdStances !== undefined ? { holdStances } : {}),
        ...(holdTurnsOn ? { stancesRevealedAt: null } : {}),
        ...(consensusThresholds !== undefined ? { consensusThresholds: consensusThresholds ?? Prisma.DbNull } : {}),
      },
    });
    if (becomesAnonymous) await tx.attribution.deleteMany({ where: { workshopId } });
  });
  if (lessonsChange) notifyLessonsChanged(workshopId);
  if (becomesAnonymous) await vacuumContributionTables(db).catch((error) => logger.warn("vacuum after removing author links failed", { error: String(error) }));
}
