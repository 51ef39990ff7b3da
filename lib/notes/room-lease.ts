import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";

/** How long a lease lasts unless renewed: a process that died frees its notes after this. */
export const ROOM_LEASE_MS = 30_000;
/** Renewed well before it ends, so that one slow round-trip does not lose it. */
export const ROOM_LEASE_RENEW_MS = 10_000;

/** The note is open in a room on another process (its lease is held and current). */
export class NoteOpenElsewhereError extends Error {
  constructor() {
    super("This note is open on another server; try again in a moment.");
    this.name = "NoteOpenElsewhereError";
  }
}

/**
 * Takes (or extends) the note's room lease for `token`, if it is free, expired or already ours:
 * one conditional UPDATE, so that of two processes racing for it exactly one wins.
 */
async function claimLease(noteId: string, token: string): Promise<boolean> {
  const db = await getPrisma();
  const now = new Date();
  const until = new Date(now.getTime() + ROOM_LEASE_MS);
  const count = await db.$executeRaw`
    UPDATE "MeetingNote" SET "roomLeaseToken" = ${token}, "roomLeaseUntil" = ${until}
     WHERE "id" = ${noteId}
       AND ("roomLeaseToken" IS NULL OR "roomLeaseToken" = ${token} OR "roomLeaseUntil" IS NULL OR "roomLeaseUntil" < ${now})`;
  return count === 1;
}

/**
 * A room's hold on its note: while it is held, no other process opens a room on the note, so
 * that two rooms never write the same note from two diverging documents. Renewed on an unref'd
 * timer (it never keeps the process alive) and released when the room closes.
 */
export class RoomLease {
  private timer: NodeJS.Timeout | null = null;
  /** False once a renewal found the lease taken by another process (it had expired). */
  isHeld = true;

  private constructor(
    private readonly noteId: string,
    /** The process that holds it (compaction checks it under the row lock). */
    readonly token: string,
  ) {
    this.timer = setInterval(() => void this.renew(), ROOM_LEASE_RENEW_MS);
    this.timer.unref();
  }

  /** Takes the note's lease or throws NoteOpenElsewhereError. */
  static async take(noteId: string, token: string): Promise<RoomLease> {
    if (!(await claimLease(noteId, token))) throw new NoteOpenElsewhereError();
    return new RoomLease(noteId, token);
  }

  private async renew(): Promise<void> {
    try {
      if (await claimLease(this.noteId, this.token)) return;
      this.isHeld = false;
      this.stopRenewing();
      logger.error("a note room lost its lease to another process; it refuses further changes");
    } catch (error) {
      // The next renewal tries again; the lease lasts three renewal periods.
      logger.error("renewing a note room lease failed", error);
    }
  }

  private stopRenewing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Frees the note for other processes (only if the lease is still ours). */
  async release(): Promise<void> {
    this.stopRenewing();
    this.isHeld = false;
    const db = await getPrisma();
    await db.$executeRaw`
      UPDATE "MeetingNote" SET "roomLeaseToken" = NULL, "roomLeaseUntil" = NULL
       WHERE "id" = ${this.noteId} AND "roomLeaseToken" = ${this.token}`;
  }
}
