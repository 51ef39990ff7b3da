/**
 * The order annotations are listed in, on the server and in the reader: where their passage
 * is in the text, never when they were written (which would hint at who spoke when). Orphans,
 * which have no place, come last.
 */
export function byDocumentOrder(
  a: { id: string; passage: { start: number | null; end: number | null } },
  b: { id: string; passage: { start: number | null; end: number | null } },
): number {
  return (a.passage.start ?? Infinity) - (b.passage.start ?? Infinity) || (a.passage.end ?? 0) - (b.passage.end ?? 0) || a.id.localeCompare(b.id);
}
