import { getTranslations } from "next-intl/server";
import type { CoverageParagraph } from "@/lib/review/schemas";
import "./review.css";

/**
 * The reader's compact coverage map: one cell per paragraph, shaded by how closely the room read
 * it (the review's levels), each a link to that paragraph (`#pN`, the reader's own anchors).
 */
export async function ReaderMinimap({ paragraphs, reviewHref }: { paragraphs: ReadonlyArray<Pick<CoverageParagraph, "level">>; reviewHref: string }) {
  const t = await getTranslations("review");
  if (!paragraphs.some((paragraph) => paragraph.level > 0)) return null;
  return (
    <nav className="reader-minimap" aria-label={t("minimapTitle")}>
      <p className="hint">
        {t("minimapTitle")} · <a href={reviewHref}>{t("minimapMore")}</a>
      </p>
      <ol className="review-strip">
        {paragraphs.map((paragraph, index) => (
          <li key={index} className={`review-heat-${paragraph.level}`} data-level={paragraph.level}>
            <a href={`#p${index + 1}`} title={`${index + 1}: ${t(`level.${paragraph.level}`)}`}>
              <span className="visually-hidden">{`${index + 1}: ${t(`level.${paragraph.level}`)}`}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
