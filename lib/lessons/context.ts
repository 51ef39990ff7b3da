import "server-only";
import type { PrismaClient, Tx } from "@/lib/db";
import type { StanceKind, Workshop } from "@/lib/generated/prisma/client";
import { DEFAULT_THRESHOLDS, ZConsensusThresholds, type ConsensusThresholds } from "@/lib/consensus/consensus";
import type { Ownership } from "@/lib/ownership/ownership";
import { rolesAllowedTo } from "@/lib/workshops/policy";
import type { LessonContext, LessonTally } from "./present";

type Db = PrismaClient | Tx;

/** The workshop's thresholds, or the defaults (also when what is stored no longer validates). */
export function thresholdsOf(workshop: Pick<Workshop, "consensusThresholds">): ConsensusThresholds {
  const parsed = ZConsensusThresholds.safeParse(workshop.consensusThresholds);
  return parsed.success ? parsed.data : DEFAULT_THRESHOLDS;
}

/** Whether stances are still held back: the setting is on and no organizer has revealed them. */
export function isHeld(workshop: Pick<Workshop, "holdStances" | "stancesRevealedAt">): boolean {
  return workshop.holdStances && workshop.stancesRevealedAt === null;
}

/** The context every lesson of the workshop is presented in; eligible members counted now. */
export async function loadLessonContext(db: Db, workshopId: string): Promise<LessonContext> {
  const [workshop, eligible] = await Promise.all([
    db.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { holdStances: true, stancesRevealedAt: true, consensusThresholds: true } }),
    db.membership.count({ where: { workshopId, role: { in: [...rolesAllowedTo("lessons.stance")] } } }),
  ]);
  return { eligible, thresholds: thresholdsOf(workshop), held: isHeld(workshop) };
}

/**
 * The stance totals of some lessons and the viewer's own stance on each. The viewer's stance is
 * found by the tag their user id gives on that lesson (one per lesson), so nothing here reads
 * whose the other stances are. With `workshopId`, the lessons are that workshop's board.
 */
export async function tallyLessons(
  db: Db,
  lessonIds: readonly string[],
  ownership: Ownership,
  { workshopId }: { workshopId?: string } = {},
): Promise<Map<string, LessonTally>> {
  const tallies = new Map<string, LessonTally>(lessonIds.map((id) => [id, { endorse: 0, dispute: 0, myStance: null }]));
  if (lessonIds.length === 0) return tallies;
  const myTags = lessonIds.map((lessonId) => ownership.tagFor({ kind: "stance", lessonId })).filter((tag): tag is string => tag !== null);
  // The whole board: counting by workshop spares the database a list of thousands of ids.
  const counted = workshopId ? { lesson: { workshopId, mergedAt: null } } : { lessonId: { in: [...lessonIds] } };
  const [groups, mine] = await Promise.all([
    db.stance.groupBy({ by: ["lessonId", "kind"], where: counted, _count: { _all: true } }),
    myTags.length > 0
      ? db.stance.findMany({ where: { lessonId: { in: [...lessonIds] }, ownerTag: { in: myTags } }, select: { lessonId: true, kind: true, ownerTag: true } })
      : Promise.resolve([] as { lessonId: string; kind: StanceKind; ownerTag: string | null }[]),
  ]);
  for (const group of groups) {
    const tally = tallies.get(group.lessonId);
    if (!tally) continue; // a lesson this viewer does not see
    if (group.kind === "ENDORSE") tally.endorse = group._count._all;
    else tally.dispute = group._count._all;
  }
  for (const stance of mine) {
    // Checked again in constant time against this very lesson's scope.
    if (ownership.owns({ kind: "stance", lessonId: stance.lessonId }, stance.ownerTag)) tallies.get(stance.lessonId)!.myStance = stance.kind;
  }
  return tallies;
}

/** One lesson's tally from its stance rows, for one viewer (live delivery to many people). */
export function tallyFromStances(stances: readonly { kind: StanceKind; ownerTag: string | null }[], lessonId: string, ownership: Ownership): LessonTally {
  const myTag = ownership.tagFor({ kind: "stance", lessonId });
  const mine = myTag ? stances.find((stance) => stance.ownerTag === myTag) : undefined;
  return {
    endorse: stances.filter((stance) => stance.kind === "ENDORSE").length,
    dispute: stances.filter((stance) => stance.kind === "DISPUTE").length,
    myStance: mine?.kind ?? null,
  };
}
