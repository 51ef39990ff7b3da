import "server-only";
import type { Tx } from "@/lib/db";
import type { Theme } from "@/lib/generated/prisma/client";
import { themeErrors } from "./errors";

/**
 * Serializes changes to one workshop's codebook (names, positions, merges, imports) for the rest
 * of the transaction. Locking the theme rows would not do: two concurrent creations insert rows
 * that neither can lock. The workshop row is locked instead, FOR NO KEY UPDATE, which does not
 * conflict with the key-share locks that foreign-key checks take: annotating goes on meanwhile.
 */
export async function lockCodebook(tx: Tx, workshopId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Workshop" WHERE "id" = ${workshopId} FOR NO KEY UPDATE`;
}

/** The workshop's themes in codebook order (inside a transaction that holds the codebook lock). */
export async function readCodebook(tx: Tx, workshopId: string): Promise<Theme[]> {
  return tx.theme.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

/** One theme of this workshop, or "gone": an id of another workshop gets the same answer. */
export function findIn(codebook: readonly Theme[], themeId: string): Theme {
  const theme = codebook.find((candidate) => candidate.id === themeId);
  if (!theme) throw themeErrors.gone();
  return theme;
}

/** Gives positions 0..n-1 to the themes in this order, writing only those that move. */
export async function writePositions(tx: Tx, ordered: readonly Pick<Theme, "id" | "position">[]): Promise<void> {
  for (const [position, theme] of ordered.entries()) {
    if (theme.position !== position) await tx.theme.update({ where: { id: theme.id }, data: { position } });
  }
}
