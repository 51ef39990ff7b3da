import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { requireNoteEdit } from "./require-note-edit";
import { presentGuardDismissal } from "./present";
import { FINGERPRINT_PATTERN, MAX_DISMISSAL_REASON } from "./types";

export const ZFingerprint = z.string({ message: "fingerprintInvalid" }).regex(FINGERPRINT_PATTERN, "fingerprintInvalid");

export const ZDismissGuardWarningInput = z
  .object({
    fingerprint: ZFingerprint,
    reason: z
      .string({ message: "dismissReasonRequired" })
      .trim()
      .min(1, "dismissReasonRequired")
      .max(MAX_DISMISSAL_REASON, "dismissReasonTooLong"),
  })
  .strict();
export type DismissGuardWarningInput = z.input<typeof ZDismissGuardWarningInput>;

/**
 * Dismisses a guard warning (by its fingerprint: the same words flagged anywhere in the note)
 * with a reason. Stored without identity: the fingerprint, the reason and when. Dismissing it
 * again replaces the reason.
 */
export async function dismissGuardWarning({ viewer, workshopId, input }: { viewer: Viewer; workshopId: string; input: DismissGuardWarningInput }) {
  const { fingerprint, reason } = parseInput(ZDismissGuardWarningInput, input);
  const noteId = await requireNoteEdit(viewer, workshopId);
  const db = await getPrisma();
  const dismissal = await db.noteGuardDismissal.upsert({
    where: { noteId_fingerprint: { noteId, fingerprint } },
    create: { noteId, fingerprint, reason },
    update: { reason },
  });
  return presentGuardDismissal(dismissal);
}
