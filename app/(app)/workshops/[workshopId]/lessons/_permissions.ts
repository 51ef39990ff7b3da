import type { PresentedWorkshop } from "@/lib/workshops/present";
import type { BoardPermissions } from "@/components/lessons/LessonCard";

/** What the viewer may do with lessons, from the workshop's permissions (lib/workshops/policy.ts). */
export function boardPermissions(can: PresentedWorkshop["can"]): BoardPermissions {
  return {
    canWrite: can["lessons.write"],
    canStance: can["lessons.stance"],
    canMerge: can["lessons.merge"],
    canModerate: can["content.moderate"],
    canReveal: can["lessons.reveal"],
  };
}
