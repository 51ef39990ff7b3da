import type { Tx } from "@/lib/db";
import type { AttributionRule, ContributionKind } from "@/lib/generated/prisma/enums";
import { ownershipOf } from "./ownership";
import { ensureWorkshopKey } from "./workshop-key";

const SCOPE_KIND = {
  ANNOTATION: "annotation",
  REPLY: "reply",
  THEME_PROPOSAL: "proposal",
  LESSON: "lesson",
  EVIDENCE: "evidence",
} as const satisfies Partial<Record<ContributionKind, string>>;

export interface ClaimContributionInput {
  workshop: { id: string; attribution: AttributionRule };
  userId: string;
  kind: keyof typeof SCOPE_KIND;
  /** The new row's id (lib/ownership/ids.ts), known before it is written. */
  id: string;
}

/**
 * The owner tag a new contribution is written with, in the caller's transaction: the author can
 * edit it while the workshop's key lasts. In an attributed workshop (names shown on purpose) the
 * author is also recorded by name link (Attribution), which switching to the Chatham House Rule
 * deletes.
 */
export async function claimContribution(tx: Tx, { workshop, userId, kind, id }: ClaimContributionInput): Promise<string> {
  const key = await ensureWorkshopKey(tx, workshop.id);
  if (workshop.attribution === "ATTRIBUTED") {
    await tx.attribution.create({ data: { workshopId: workshop.id, kind, itemId: id, userId } });
  }
  return ownershipOf(key, userId).tagFor({ kind: SCOPE_KIND[kind], id })!;
}
