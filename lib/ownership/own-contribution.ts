import { AppError, notFound } from "@/lib/errors";
import type { ContributionScope, Ownership } from "./ownership";

/**
 * Lets its author through to their own contribution (to edit or delete it). Anyone else gets
 * "not found", as if it were not there: the answer must not reveal that someone else wrote it.
 * A contribution that belongs to nobody (its workshop was sealed) says so, to everyone alike.
 */
export function assertOwnContribution<T extends { ownerTag: string | null }>(
  row: T | null,
  scope: ContributionScope,
  ownership: Ownership,
  what: string,
): asserts row is T {
  if (!row) throw notFound(what);
  if (ownership.owns(scope, row.ownerTag)) return;
  if (row.ownerTag === null) throw sealedContributionError();
  throw notFound(what);
}

/** What everyone is told about a contribution written before the workshop was sealed. */
export function sealedContributionError(): AppError {
  return new AppError("FORBIDDEN", "sealedContribution", "This workshop was sealed: what was written before belongs to nobody now, so nobody can edit, delete or hide it.");
}
