import type { WorkshopStatus } from "@/lib/generated/prisma/enums";

export type { WorkshopStatus };

/**
 * Where a workshop may go from each status: open and closed go back and forth; archiving is
 * final (the archive is the read-only record of what was said). The server enforces it, and the
 * settings page offers exactly these buttons.
 */
const NEXT_STATUSES: Record<WorkshopStatus, readonly WorkshopStatus[]> = {
  OPEN: ["CLOSED", "ARCHIVED"],
  CLOSED: ["OPEN", "ARCHIVED"],
  ARCHIVED: [],
};

export function nextStatuses(status: WorkshopStatus): readonly WorkshopStatus[] {
  return NEXT_STATUSES[status];
}

export function canChangeStatus(from: WorkshopStatus, to: WorkshopStatus): boolean {
  return from === to || NEXT_STATUSES[from].includes(to);
}
