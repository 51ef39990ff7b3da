import * as Y from "yjs";
import type { PrismaClient, Tx } from "@/lib/db";
import { notifyWorkshopChanged } from "@/lib/realtime/hub";
import { contentOf, docOf, lockNote, readStoredParts } from "@/lib/notes/note-store";
import { referencedIds } from "@/lib/notes/resolve-note";
import { vacuumContributionTables } from "@/lib/ownership/vacuum";
import { isRetentionDue, type RetentionFields } from "./schedule";

/**
 * Applies retention to every workshop whose time has come (lib/retention/schedule.ts). Run at
 * server start and every hour, like sealing. Idempotent and safe with several processes: each
 * workshop is done in one transaction that locks its row and checks again that it is due and
 * not done. Returns the ids it trimmed.
 */
export async function applyDueRetention(db: PrismaClient, { now = new Date() }: { now?: Date } = {}): Promise<string[]> {
  const candidates = await db.workshop.findMany({
    where: { retentionDays: { not: null }, retentionAppliedAt: null, status: { not: "OPEN" }, closedAt: { not: null } },
    select: { id: true, status: true, closedAt: true, retentionDays: true, retentionAppliedAt: true },
  });
  const trimmed: string[] = [];
  for (const candidate of candidates.filter((workshop) => isRetentionDue(workshop, now))) {
    const applied = await db.$transaction((tx) => applyRetention(tx, candidate.id, now), { timeout: 120_000, maxWait: 30_000 });
    if (applied) {
      trimmed.push(candidate.id);
      notifyWorkshopChanged(candidate.id);
    }
  }
  // Deleted rows stay on disk until VACUUM marks their space free (as after sealing).
  if (trimmed.length) {
    await vacuumContributionTables(db);
    await db.$executeRawUnsafe(`VACUUM "MeetingNoteUpdate", "MeetingNoteVersion", "Passage"`);
  }
  return trimmed;
}

/**
 * Inside a transaction: deletes the workshop's raw contributions if retention is due, and says
 * whether it did. Deleted: every annotation (with its themes and replies), the note's edit log
 * (folded into its state first, so that the note reads as it did) and its versions other than
 * SIGN_OFF, and passages nothing cites any more (what was highlighted is itself a trace).
 * Kept: the note, its signed-off version, lessons with their evidence passages and stances
 * (the counts), sources, the codebook.
 */
export async function applyRetention(tx: Tx, workshopId: string, now: Date): Promise<boolean> {
  const [workshop] = await tx.$queryRaw<RetentionFields[]>`
    SELECT "status", "closedAt", "retentionDays", "retentionAppliedAt" FROM "Workshop" WHERE "id" = ${workshopId} FOR UPDATE`;
  if (!workshop || !isRetentionDue(workshop, now)) return false;
  await tx.annotation.deleteMany({ where: { workshopId } });
  const citedPassageIds = await trimNote(tx, workshopId);
  await tx.passage.deleteMany({ where: { workshopId, evidence: { none: {} }, id: { notIn: citedPassageIds } } });
  await tx.workshop.update({ where: { id: workshopId }, data: { retentionAppliedAt: now } });
  return true;
}

/** Folds the note's log into its state, deletes the log and every version but SIGN_OFF; returns the passages the note still cites. */
async function trimNote(tx: Tx, workshopId: string): Promise<string[]> {
  const note = await tx.meetingNote.findUnique({ where: { workshopId }, select: { id: true } });
  if (!note) return [];
  await lockNote(tx, note.id);
  const { parts, rows } = await readStoredParts(tx, note.id);
  if (rows.length > 0) {
    const doc = docOf(parts);
    const { content, plainText } = contentOf(doc);
    await tx.meetingNote.update({ where: { id: note.id }, data: { yState: Uint8Array.from(Y.encodeStateAsUpdate(doc)), content, plainText } });
    await tx.meetingNoteUpdate.deleteMany({ where: { noteId: note.id } });
  }
  await tx.meetingNoteVersion.deleteMany({ where: { noteId: note.id, kind: { not: "SIGN_OFF" } } });
  // Retired generations' final states hold the old text too (a page offline since then is told
  // its base is gone, and keeps its text on screen to copy).
  await tx.meetingNoteGeneration.deleteMany({ where: { noteId: note.id } });
  const [current, kept] = await Promise.all([
    tx.meetingNote.findUniqueOrThrow({ where: { id: note.id }, select: { content: true } }),
    tx.meetingNoteVersion.findMany({ where: { noteId: note.id }, select: { content: true } }),
  ]);
  return [...new Set([current.content, ...kept.map((version) => version.content)].flatMap((content) => referencedIds(content).passageIds))];
}
