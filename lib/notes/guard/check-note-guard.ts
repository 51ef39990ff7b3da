import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sharedRateLimit } from "@/lib/security/rate-limit";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { can } from "@/lib/workshops/policy";
import { detectGuardWarnings } from "./detect";
import { loadGuardInputs } from "./load-guard-inputs";
import { noteTextBlocks } from "./note-blocks";
import { presentGuardWarning } from "./present";
import { MAX_GUARD_BLOCK_CHARACTERS, MAX_GUARD_BLOCKS, MAX_GUARD_CHARACTERS, type GuardCheck } from "./types";

export const ZGuardBlocks = z
  .array(z.string({ message: "guardBlocksInvalid" }).max(MAX_GUARD_BLOCK_CHARACTERS, "guardBlocksTooLong"), { message: "guardBlocksInvalid" })
  .max(MAX_GUARD_BLOCKS, "guardBlocksTooLong");

/** Live checks per person: one a second while typing, from two tabs; a script probing names hits this. */
export const GUARD_CHECKS_PER_MINUTE = { limit: 120, windowMs: 60_000 };

export interface CheckNoteGuardOptions {
  viewer: Viewer;
  workshopId: string;
  /** The blocks the editor has now (a live check); absent: the stored note. */
  text?: unknown;
  /** Include dismissed warnings, each with its reason (to list them and undo a dismissal). */
  includeDismissed?: boolean;
}

/**
 * The attribution guard's warnings on the note: the stored note (MeetingNote.content, read as
 * its text blocks), or the blocks an editor sends while typing. Any member who may read the note
 * may ask (they can read the note anyway); roster matches name the member only for organizers
 * and rapporteurs. Warnings dismissed for this note are left out unless asked for.
 */
export async function checkNoteGuard({ viewer, workshopId, text, includeDismissed = false }: CheckNoteGuardOptions): Promise<GuardCheck> {
  const { membership, workshop } = await requireWorkshopPermission(viewer, workshopId, "note.view");
  const live = text === undefined ? undefined : parseInput(ZGuardBlocks, text);
  if (live && live.reduce((total, block) => total + block.length, 0) > MAX_GUARD_CHARACTERS) {
    throw new AppError("PAYLOAD_TOO_LARGE", "guardNoteTooLong", `The note is too long to check at once (more than ${MAX_GUARD_CHARACTERS} characters).`);
  }
  if (live) {
    const check = await sharedRateLimit("note-guard", GUARD_CHECKS_PER_MINUTE).take(viewer.id);
    if (!check.allowed) {
      throw new AppError("RATE_LIMITED", "rateLimited", "Too many checks in a short time. Wait a minute and try again.", {
        retryAfterSeconds: check.retryAfterSeconds,
      });
    }
  }
  const isDetailed = can({ role: membership.role, status: workshop.status }, "note.guardDetails");
  const db = await getPrisma();
  const note = await db.meetingNote.findUnique({
    where: { workshopId },
    select: { content: live ? false : true, guardDismissals: { select: { fingerprint: true, reason: true } } },
  });
  const blocks = live ?? noteTextBlocks(note?.content ?? null);
  const sources = await loadGuardInputs(workshopId);
  let allowed: Set<number> | undefined;
  let needsAllowed = false;
  const detect = () =>
    detectGuardWarnings(blocks, {
      ...sources,
      allowedShingles: () => {
        needsAllowed ||= allowed === undefined;
        return allowed ?? new Set();
      },
    });
  let detected = detect();
  // Something looked copied: read what may be copied (statements, sources) and look again.
  if (needsAllowed) {
    allowed = await sources.loadAllowedShingles();
    detected = detect();
  }
  const dismissed = new Map((note?.guardDismissals ?? []).map((row) => [row.fingerprint, row.reason]));
  const warnings = detected
    .filter((warning) => includeDismissed || !dismissed.has(warning.fingerprint))
    .map((warning) => presentGuardWarning(warning, { isDetailed, dismissedReason: dismissed.get(warning.fingerprint) }));
  return { warnings, isDetailed };
}
