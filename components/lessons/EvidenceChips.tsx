"use client";

import { useTranslations } from "next-intl";
import type { LessonEvidence } from "./types";

/** A quote shortened for a chip. */
export function excerpt(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}

/** A lesson's passages as chips that open the reader at each one (a lost passage keeps its quote only). */
export function EvidenceChips({ workshopId, evidence }: { workshopId: string; evidence: LessonEvidence[] }) {
  const t = useTranslations("lessons.evidence");
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence-chips" aria-label={t("title")}>
      {evidence.map((item) => {
        const quote = <q>{excerpt(item.passage.quote.exact)}</q>;
        return (
          <li key={item.id} className="evidence-chip">
            {item.passage.isOrphan ? (
              <span>
                {quote} <span className="evidence-source">{item.source.title}</span> <span className="badge">{t("orphan")}</span>
              </span>
            ) : (
              // A document load, not a client navigation: the reader opens at the passage as it
              // does for any shared link.
              <a href={`/workshops/${workshopId}/sources/${item.source.id}#passage-${item.passage.id}`}>
                {quote} <span className="evidence-source">{item.source.title}</span>
              </a>
            )}
            {item.note && <span className="evidence-note">{item.note}</span>}
          </li>
        );
      })}
    </ul>
  );
}
