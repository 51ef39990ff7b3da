import "server-only";
import { getPrisma } from "@/lib/db";
import type { GuardInputs } from "./detect";
import { compileRoster } from "./roster";
import { buildShingleIndex, sharedShingles } from "./verbatim";

/**
 * What the guard compares the note with, read once per check: the members' names, addresses
 * and organisations (the roster), the participants' own words (annotation comments, replies,
 * lesson elaborations, evidence notes), and, only when something looks copied, the words that
 * may be copied (lesson statements, which are meant to go into the note, and the sources' text,
 * which is nobody's own words). Nothing here says who wrote what: contributions are read as
 * texts, without their owner tags.
 */
export async function loadGuardInputs(workshopId: string): Promise<GuardSources> {
  const db = await getPrisma();
  const [memberships, annotations, replies, lessons, evidence] = await Promise.all([
    db.membership.findMany({ where: { workshopId }, select: { user: { select: { name: true, email: true, organization: true } } } }),
    db.annotation.findMany({ where: { workshopId, comment: { not: "" } }, select: { comment: true } }),
    db.annotationReply.findMany({ where: { annotation: { workshopId } }, select: { body: true } }),
    db.lesson.findMany({ where: { workshopId }, select: { elaboration: true, statement: true } }),
    db.lessonEvidence.findMany({ where: { lesson: { workshopId }, note: { not: "" } }, select: { note: true } }),
  ]);
  const roster = compileRoster(
    memberships.map(({ user }) => ({ displayName: user.name ?? user.email, name: user.name, email: user.email, organization: user.organization })),
  );
  const contributions = buildShingleIndex([
    ...annotations.map((row) => row.comment),
    ...replies.map((row) => row.body),
    ...lessons.map((row) => row.elaboration),
    ...evidence.map((row) => row.note),
  ]);
  return {
    roster,
    contributions,
    async loadAllowedShingles() {
      const sources = await db.source.findMany({ where: { workshopId }, select: { text: true } });
      return sharedShingles(contributions, [...lessons.map((row) => row.statement), ...sources.map((row) => row.text)]);
    },
  };
}

export interface GuardSources extends Omit<GuardInputs, "allowedShingles"> {
  /** The contribution shingles that may be copied: costly (every source's text), read on demand. */
  loadAllowedShingles(): Promise<Set<number>>;
}
