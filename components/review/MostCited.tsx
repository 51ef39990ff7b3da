import { getTranslations } from "next-intl/server";
import type { CitedPassage } from "@/lib/review/schemas";

/** The passages the room cited most (annotations, evidence, footnotes), each with a range, never a count. */
export async function MostCited({ passages, workshopId }: { passages: readonly CitedPassage[]; workshopId: string }) {
  const t = await getTranslations("review");
  if (passages.length === 0) return <p className="hint">{t("noCitations")}</p>;
  return (
    <ol className="review-cited stack-small">
      {passages.map((passage) => (
        <li key={passage.passageId} className="card stack-small">
          <blockquote>
            <a href={`/workshops/${workshopId}/sources/${passage.sourceId}#passage-${passage.passageId}`}>{passage.quote}</a>
          </blockquote>
          <p className="hint">
            {passage.sourceTitle} · {passage.cited.max === null ? t("citedAtLeast", { min: passage.cited.min }) : t("citedRange", { min: passage.cited.min, max: passage.cited.max })} ·{" "}
            {(["annotations", "evidence", "footnotes"] as const)
              .filter((kind) => passage.kinds[kind])
              .map((kind) => t(`kinds.${kind}`))
              .join(", ")}
          </p>
        </li>
      ))}
    </ol>
  );
}
