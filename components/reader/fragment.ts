/** What the address's fragment asks the reader to open. */
export type ReaderTarget = { kind: "passage"; id: string } | { kind: "annotation"; id: string };

/** Ids are cuid2 (lower-case letters and digits); anything else is not ours to open. */
const TARGET = /^#(passage|annotation)-([a-z0-9]{1,64})$/;

/** `#passage-<id>` or `#annotation-<id>`; null for any other fragment (`#p3`, none). */
export function parseReaderTarget(hash: string): ReaderTarget | null {
  const match = TARGET.exec(hash);
  return match ? { kind: match[1] as ReaderTarget["kind"], id: match[2]! } : null;
}

/** The address of an annotation in the reader, as the export's annotation IRIs are. */
export function annotationHref(origin: string, workshopId: string, sourceId: string, annotationId: string): string {
  return `${origin}/workshops/${workshopId}/sources/${sourceId}#annotation-${annotationId}`;
}
