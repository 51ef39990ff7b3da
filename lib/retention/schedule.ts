import type { Workshop } from "@/lib/generated/prisma/client";

const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionFields = Pick<Workshop, "status" | "closedAt" | "retentionDays" | "retentionAppliedAt">;

/**
 * When retention deletes the workshop's raw contributions: `retentionDays` after it was closed
 * (archived counts as closed), or null when retention is off, the workshop is open, or it has
 * already run.
 */
export function retentionDueAt(workshop: RetentionFields): Date | null {
  if (workshop.retentionDays === null || workshop.retentionAppliedAt !== null) return null;
  if (workshop.status === "OPEN" || workshop.closedAt === null) return null;
  return new Date(workshop.closedAt.getTime() + workshop.retentionDays * DAY_MS);
}

export function isRetentionDue(workshop: RetentionFields, now: Date): boolean {
  const dueAt = retentionDueAt(workshop);
  return dueAt !== null && dueAt.getTime() <= now.getTime();
}

/**
 * What the interface says about retention: the setting, the day it will run (to the day: the
 * hourly run may fall a little after the exact moment) and the day it ran.
 */
export function presentRetention(workshop: RetentionFields) {
  const dueAt = retentionDueAt(workshop);
  return {
    days: workshop.retentionDays,
    /** The day it was closed (retention counts from it), or null while open. */
    closedOn: workshop.status !== "OPEN" && workshop.closedAt ? workshop.closedAt.toISOString().slice(0, 10) : null,
    dueOn: dueAt ? dueAt.toISOString().slice(0, 10) : null,
    appliedOn: workshop.retentionAppliedAt ? workshop.retentionAppliedAt.toISOString().slice(0, 10) : null,
  };
}

export type PresentedRetention = ReturnType<typeof presentRetention>;
