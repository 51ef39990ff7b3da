import type { Theme, ThemeProposal } from "@/lib/generated/prisma/client";
import { coarsenTime } from "@/lib/time/coarse-time";
import type { Ownership } from "@/lib/ownership/ownership";
import { THEME_COLOR_KEYS, isThemeColor, type ThemeColor } from "./palette";

/** A codebook entry as every member sees it: name, description, palette colour, place. */
export function presentTheme(theme: Theme) {
  // A colour outside the palette cannot be stored through lib/themes; the fallback guards old rows.
  const color: ThemeColor = isThemeColor(theme.color) ? theme.color : THEME_COLOR_KEYS[0]!;
  return { id: theme.id, name: theme.name, description: theme.description, color, position: theme.position };
}

export type PresentedTheme = ReturnType<typeof presentTheme>;

/**
 * A theme proposal as one member sees it: what was proposed and why, its status and the
 * organizers' answer, whether it is the viewer's own (`mine`), and coarse times. Never who
 * proposed it: everyone sees every proposal, so the proposer must stay unnamed.
 */
export function presentThemeProposal(proposal: ThemeProposal, ownership: Ownership) {
  return {
    id: proposal.id,
    name: proposal.name,
    description: proposal.description,
    reason: proposal.reason,
    status: proposal.status,
    response: proposal.response,
    /** The theme it became, once accepted (null if that theme was deleted since). */
    themeId: proposal.themeId,
    mine: ownership.owns({ kind: "proposal", id: proposal.id }, proposal.ownerTag),
    when: coarsenTime(proposal.createdAt),
    decidedWhen: proposal.decidedAt ? coarsenTime(proposal.decidedAt) : null,
  };
}

export type PresentedThemeProposal = ReturnType<typeof presentThemeProposal>;
