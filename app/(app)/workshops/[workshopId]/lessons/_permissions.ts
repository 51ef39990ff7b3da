import type { PresentedWorkshop } from "@/lib/workshops/present";
import type { BoardPermissions } from "@/components/lessons/LessonCard";

/** What the viewer may do with lessons, from the workshop's permissions (lib/workshops/policy.ts). */
export function boardPermissions(can: PresentedWorkshop["can"]): BoardPermissions {
  const allowed = can as Record<string, boolean>;
  return {
    canWrite: allowed["lessons.write"] === true,
    canStance: allowed["lessons.stance"] === true,
    canMerge: allowed["lessons.merge"] === true,
    canModerate: allowed["content.moderate"] === true,
    canReveal: allowed["lessons.reveal"] === true,
  };
}
