import type { DetectedWarning } from "./detect";
import type { GuardWarning } from "./types";

/**
 * A guard warning as it leaves the server. The anonymity boundary of the guard: a roster match
 * names the member (display name) and what matched only when `isDetailed` (organizers and
 * rapporteurs, policy "note.guardDetails"); anyone else gets the words and where they are,
 * nothing about whom they match. Verbatim warnings never say whose contribution it was: the
 * detector does not know, and nothing here could add it.
 */
export function presentGuardWarning(warning: DetectedWarning, { isDetailed, dismissedReason }: { isDetailed: boolean; dismissedReason?: string }): GuardWarning {
  const { fingerprint, kind, excerpt, blockIndex, from, to } = warning;
  const presented: GuardWarning = { fingerprint, kind, excerpt, blockIndex, from, to };
  if (isDetailed && warning.members?.length) {
    presented.detail = {
      fields: [...new Set(warning.members.map((member) => member.field))],
      members: [...new Set(warning.members.map((member) => member.displayName))],
    };
  }
  if (dismissedReason !== undefined) presented.dismissedReason = dismissedReason;
  return presented;
}

/** A dismissal as it leaves the server: the warning's fingerprint and the reason, never who. */
export function presentGuardDismissal(dismissal: { fingerprint: string; reason: string }) {
  return { fingerprint: dismissal.fingerprint, reason: dismissal.reason };
}
