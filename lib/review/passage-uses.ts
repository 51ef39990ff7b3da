import { canSee, type Audience } from "@/lib/annotations/audience";
import type { PassageUse } from "./summarize-coverage";

/** A passage with the number of its annotations that nobody hid (counted in SQL: ./load-passages.ts). */
export type PassageRow = { id: string; sourceId: string; start: number | null; end: number | null; exact: string; state: string; openAnnotations: number };
/** A hidden annotation: it counts only for those who may still see it (its author, organizers). */
export type HiddenAnnotationRow = { id: string; passageId: string; hiddenAt: Date | null; ownerTag: string | null };

/**
 * How often each passage was taken up, counting only what the audience may see: annotations not
 * hidden from them, evidence of the lessons they see (passage ids, once per lesson), footnotes of
 * the note (passage ids, once per passage: footnotes of one passage share a number).
 */
export function countPassageUses(
  passages: readonly PassageRow[],
  {
    hiddenAnnotations,
    evidence,
    footnotes,
    audience,
  }: { hiddenAnnotations: readonly HiddenAnnotationRow[]; evidence: Iterable<string>; footnotes: Iterable<string>; audience: Audience },
): PassageUse[] {
  const uses = new Map<string, PassageUse>(
    passages.map((passage) => {
      const placed = passage.state !== "ORPHANED";
      return [
        passage.id,
        { passageId: passage.id, sourceId: passage.sourceId, start: placed ? passage.start : null, end: placed ? passage.end : null, exact: passage.exact, annotations: Number(passage.openAnnotations), evidence: 0, footnotes: 0 },
      ];
    }),
  );
  for (const annotation of hiddenAnnotations) {
    const use = uses.get(annotation.passageId);
    if (use && canSee(annotation, { kind: "annotation", id: annotation.id }, audience)) use.annotations += 1;
  }
  for (const passageId of evidence) {
    const use = uses.get(passageId);
    if (use) use.evidence += 1;
  }
  for (const passageId of footnotes) {
    const use = uses.get(passageId);
    if (use) use.footnotes += 1;
  }
  return [...uses.values()];
}
