import { getTranslations } from "next-intl/server";
import type { SourceCoverage as Coverage } from "@/lib/review/schemas";

const KINDS = ["annotations", "evidence", "footnotes"] as const;

/**
 * One source as a heatmap over its text: each paragraph shaded by how closely the room read it
 * (a level, never a count), with a compact strip of the same levels above it.
 */
export async function SourceCoverage({ source, workshopId }: { source: Coverage; workshopId: string }) {
  const t = await getTranslations("review");
  const read = source.paragraphs.filter((paragraph) => paragraph.level > 0).length;
  return (
    <section className="review-source stack-small" aria-labelledby={`coverage-${source.id}`} data-testid="source-coverage">
      <h3 id={`coverage-${source.id}`}>
        <a href={`/workshops/${workshopId}/sources/${source.id}`}>{source.title}</a>
      </h3>
      <p className="hint">{t("coverageSummary", { read, total: source.paragraphs.length })}</p>
      <CoverageStrip paragraphs={source.paragraphs} label={t("minimapLabel", { title: source.title })} />
      <details className="review-heatmap-details">
        <summary>{t("showText")}</summary>
        <div className="review-heatmap">
          {source.paragraphs.map((paragraph) => (
            <p key={paragraph.start} className={`review-heat review-heat-${paragraph.level}`} data-level={paragraph.level} data-start={paragraph.start}>
              {paragraph.level > 0 && (
                <span className="visually-hidden">
                  {t(`level.${paragraph.level}`)} ({KINDS.filter((kind) => paragraph.kinds[kind]).map((kind) => t(`kinds.${kind}`)).join(", ")}):{" "}
                </span>
              )}
              {paragraph.text}
            </p>
          ))}
        </div>
      </details>
    </section>
  );
}

/** The compact strip: one cell per paragraph in reading order, shaded by level. */
export async function CoverageStrip({ paragraphs, label }: { paragraphs: Coverage["paragraphs"]; label: string }) {
  const t = await getTranslations("review");
  return (
    <ol className="review-strip" aria-label={label}>
      {paragraphs.map((paragraph, index) => (
        <li key={paragraph.start} className={`review-heat-${paragraph.level}`} data-level={paragraph.level} title={`${index + 1}: ${t(`level.${paragraph.level}`)}`}>
          <span className="visually-hidden">{`${index + 1}: ${t(`level.${paragraph.level}`)}`}</span>
        </li>
      ))}
    </ol>
  );
}
