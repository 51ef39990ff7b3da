/**
 * The attribution guard's warnings as they leave the server (client-safe types). A warning says
 * where in the note (block and offsets, see ./note-blocks.ts) and what words; only organizers and
 * rapporteurs are told which member a roster match names. Verbatim warnings never say whose
 * contribution was copied, to anyone.
 */

export type GuardWarningKind = "roster" | "phrase" | "verbatim";

export interface GuardRosterDetail {
  /** What matched: a member's name, organization or email address (several when shared). */
  fields: ("name" | "organization" | "email")[];
  /** The display names of the members it matches. */
  members: string[];
}

export interface GuardWarning {
  /** Stable across edits elsewhere: a hash of the kind and the folded excerpt. */
  fingerprint: string;
  kind: GuardWarningKind;
  /** The matched words as they appear in the note. */
  excerpt: string;
  /** The text block (paragraph, heading) in document order, and the range in its text. */
  blockIndex: number;
  from: number;
  to: number;
  /** Roster matches, for organizers and rapporteurs only. */
  detail?: GuardRosterDetail;
  /** Present only when dismissed warnings were asked for: why it was dismissed. */
  dismissedReason?: string;
}

export interface GuardCheck {
  warnings: GuardWarning[];
  /** Whether roster warnings carry their detail for this viewer. */
  isDetailed: boolean;
}

/** Limits of a live check (what the editor sends): a long note, far from any abuse. */
export const MAX_GUARD_BLOCKS = 5_000;
export const MAX_GUARD_BLOCK_CHARACTERS = 100_000;
export const MAX_GUARD_CHARACTERS = 300_000;
export const MAX_DISMISSAL_REASON = 300;
export const FINGERPRINT_PATTERN = /^[0-9a-f]{32}$/;
