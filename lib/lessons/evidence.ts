import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { AttributionRule } from "@/lib/generated/prisma/enums";
import { lockSource } from "@/lib/passages/lock-source";
import { pickPassage } from "@/lib/passages/pick-passage";
import { newId } from "@/lib/ownership/ids";
import { claimContribution } from "@/lib/ownership/claim-contribution";
import type { EvidenceInput } from "./schemas";

export interface ResolvedEvidence {
  passageId: string;
  note: string;
}

function evidenceOrphanedError(): AppError {
  return new AppError(
    "UNPROCESSABLE",
    "evidenceOrphaned",
    "This passage is no longer in its source's current text (the text was revised): select the words again in the source.",
    { field: "evidence" },
  );
}

/**
 * The passages some evidence points to, in the caller's transaction: passages of this workshop
 * (another workshop's is "not found", like any unknown id) that still stand in their source's
 * text, or passages picked from selections. The sources concerned are locked first, in one order
 * (so that two lessons written at once cannot deadlock, and a revision cannot orphan a passage
 * between the check and the write). One passage cited twice counts once, with the first note.
 */
export async function resolveEvidence(tx: Tx, workshopId: string, items: readonly EvidenceInput[]): Promise<ResolvedEvidence[]> {
  const passageIds = [...new Set(items.flatMap((item) => ("passageId" in item ? [item.passageId] : [])))];
  const cited = passageIds.length > 0 ? await tx.passage.findMany({ where: { id: { in: passageIds }, workshopId }, select: { id: true, sourceId: true } }) : [];
  if (cited.length !== passageIds.length) throw notFound("Passage");
  const sourceIds = new Set([...cited.map((passage) => passage.sourceId), ...items.flatMap((item) => ("sourceId" in item ? [item.sourceId] : []))]);
  for (const sourceId of [...sourceIds].sort()) {
    if (!(await lockSource(tx, workshopId, sourceId))) throw notFound("Source");
  }
  const states = new Map(
    (passageIds.length > 0 ? await tx.passage.findMany({ where: { id: { in: passageIds } }, select: { id: true, state: true } }) : []).map((passage) => [passage.id, passage.state]),
  );
  const resolved = new Map<string, ResolvedEvidence>();
  for (const item of items) {
    let passageId: string;
    if ("passageId" in item) {
      if (states.get(item.passageId) === "ORPHANED") throw evidenceOrphanedError();
      passageId = item.passageId;
    } else {
      passageId = (await pickPassage(tx, { workshopId, sourceId: item.sourceId, start: item.start, end: item.end, revision: item.revision })).id;
    }
    const known = resolved.get(passageId);
    if (!known) resolved.set(passageId, { passageId, note: item.note });
    else if (!known.note) known.note = item.note;
  }
  return [...resolved.values()];
}

/** Writes a lesson's evidence rows, each owner-tagged to the person adding it. */
export async function writeEvidence(
  tx: Tx,
  { workshop, userId, lessonId, evidence }: { workshop: { id: string; attribution: AttributionRule }; userId: string; lessonId: string; evidence: readonly ResolvedEvidence[] },
): Promise<void> {
  for (const item of evidence) {
    const id = newId();
    const ownerTag = await claimContribution(tx, { workshop, userId, kind: "EVIDENCE", id });
    await tx.lessonEvidence.create({ data: { id, lessonId, passageId: item.passageId, note: item.note, ownerTag } });
  }
}
