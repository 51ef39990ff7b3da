import { ownerTag, sameTag } from "./owner-tag";

/** What a contribution is, for scoping its owner tag (lib/ownership/owner-tag.ts). */
export type ContributionScope =
  | { kind: "annotation" | "reply" | "proposal" | "lesson" | "evidence"; id: string }
  /** One stance per member per lesson: its tag is scoped to the lesson, not to the row. */
  | { kind: "stance"; lessonId: string };

function scopeKey(scope: ContributionScope): string {
  return scope.kind === "stance" ? `stance:${scope.lessonId}` : `${scope.kind}:${scope.id}`;
}

/**
 * One member's ownership in one workshop: the tag their new contributions get, and whether a
 * stored tag is theirs. Without a key (sealed, or the secret lost) nothing is anyone's.
 */
export interface Ownership {
  tagFor(scope: ContributionScope): string | null;
  owns(scope: ContributionScope, storedTag: string | null): boolean;
}

export function ownershipOf(key: Buffer | null, userId: string): Ownership {
  return {
    tagFor: (scope) => (key ? ownerTag(key, scopeKey(scope), userId) : null),
    owns: (scope, storedTag) => (key && storedTag ? sameTag(storedTag, ownerTag(key, scopeKey(scope), userId)) : false),
  };
}

/** Nobody's: what a sealed workshop's contributions answer to everyone. */
export const NO_OWNERSHIP: Ownership = { tagFor: () => null, owns: () => false };
