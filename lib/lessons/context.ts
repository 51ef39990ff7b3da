import "server-only";
import type { PrismaClient, Tx } from "@/lib/db";
import { Prisma, type Workshop } from "@/lib/generated/prisma/client";
import { DEFAULT_THRESHOLDS, ZConsensusThresholds, type ConsensusThresholds } from "@/lib/consensus/consensus";
import type { Ownership } from "@/lib/ownership/ownership";
import { referencedIds } from "@/lib/notes/resolve-note";
import { rolesAllowedTo } from "@/lib/workshops/policy";
import type { LessonContext, LessonTally } from "./present";
import { shownStance, tallyFor, type StanceState } from "./stance-timing";

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

/**
 * The context every lesson of the workshop is presented in; eligible members counted now, and
 * the lessons the meeting note refers to (from the note's saved JSON copy).
 */
export async function loadLessonContext(db: Db, workshopId: string): Promise<LessonContext> {
  const [workshop, eligible, note] = await Promise.all([
    db.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { holdStances: true, stancesRevealedAt: true, consensusThresholds: true } }),
    db.membership.count({ where: { workshopId, role: { in: [...rolesAllowedTo("lessons.stance")] } } }),
    db.meetingNote.findUnique({ where: { workshopId }, select: { content: true } }),
  ]);
  return { eligible, thresholds: thresholdsOf(workshop), held: isHeld(workshop), noteLessonIds: new Set(referencedIds(note?.content).lessonIds) };
}

/**
 * The stance totals of some lessons and the viewer's own stance on each, as the viewer may see
 * them at `now`: everyone's stances as they stood at the end of the last batching window
 * (./stance-timing.ts), the viewer's own as it is. The viewer's stance is found by the tag their
 * user id gives on that lesson (one per lesson), so nothing here reads whose the others are.
 * With `workshopId`, the lessons are that workshop's board.
 */
export async function tallyLessons(
  db: Db,
  lessonIds: readonly string[],
  ownership: Ownership,
  { workshopId, now = new Date() }: { workshopId?: string; now?: Date } = {},
): Promise<Map<string, LessonTally>> {
  const tallies = new Map<string, LessonTally>(lessonIds.map((id) => [id, { endorse: 0, dispute: 0, myStance: null }]));
  if (lessonIds.length === 0) return tallies;
  const myTags = lessonIds.map((lessonId) => ownership.tagFor({ kind: "stance", lessonId })).filter((tag): tag is string => tag !== null);
  // The whole board: counting by workshop spares the database a list of thousands of ids.
  const counted = workshopId
    ? Prisma.sql`"lessonId" IN (SELECT "id" FROM "Lesson" WHERE "workshopId" = ${workshopId} AND "mergedAt" IS NULL)`
    : Prisma.sql`"lessonId" IN (${Prisma.join(lessonIds)})`;
  const [groups, mine] = await Promise.all([
    db.$queryRaw<Array<{ lessonId: string; endorse: number; dispute: number }>>`
      SELECT "lessonId",
             count(*) FILTER (WHERE (CASE WHEN "settlesAt" <= ${now} THEN "kind" ELSE "shownKind" END) = 'ENDORSE')::int AS "endorse",
             count(*) FILTER (WHERE (CASE WHEN "settlesAt" <= ${now} THEN "kind" ELSE "shownKind" END) = 'DISPUTE')::int AS "dispute"
        FROM "Stance" WHERE ${counted} GROUP BY "lessonId"`,
    myTags.length > 0
      ? db.stance.findMany({ where: { lessonId: { in: [...lessonIds] }, ownerTag: { in: myTags } }, select: { lessonId: true, kind: true, shownKind: true, settlesAt: true, ownerTag: true } })
      : Promise.resolve([]),
  ]);
  for (const group of groups) {
    // A lesson this viewer does not see (counted by workshop) is left out.
    if (tallies.has(group.lessonId)) tallies.set(group.lessonId, { endorse: Number(group.endorse), dispute: Number(group.dispute), myStance: null });
  }
  for (const stance of mine) {
    // Checked again in constant time against this very lesson's scope.
    if (!ownership.owns({ kind: "stance", lessonId: stance.lessonId }, stance.ownerTag)) continue;
    tallies.set(stance.lessonId, tallyFor(tallies.get(stance.lessonId)!, stance, now));
  }
  return tallies;
}

/** One lesson's tally from its stance rows, for one viewer at `now` (live delivery to many people). */
export function tallyFromStances(stances: readonly (StanceState & { ownerTag: string | null })[], lessonId: string, ownership: Ownership, now = new Date()): LessonTally {
  const myTag = ownership.tagFor({ kind: "stance", lessonId });
  const shown = stances.map((stance) => shownStance(stance, now));
  const counts = { endorse: shown.filter((kind) => kind === "ENDORSE").length, dispute: shown.filter((kind) => kind === "DISPUTE").length };
  return tallyFor(counts, myTag ? stances.find((stance) => stance.ownerTag === myTag) : undefined, now);
}
