"use client";

import { useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

/**
 * A chart with its text alternative: the table carries the same figures, and a toggle shows it
 * in place of the chart. Both are rendered on the server; printing shows both (review.css).
 */
export function ChartFigure({ title, description, chart, table }: { title: string; description: string; chart: ReactNode; table: ReactNode }) {
  const t = useTranslations("review");
  const [isTable, setTable] = useState(false);
  const id = useId();
  return (
    <figure className="review-figure stack-small" aria-labelledby={`${id}-title`} data-view={isTable ? "table" : "chart"}>
      <div className="review-figure-heading">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" className="button review-figure-toggle" aria-pressed={isTable} onClick={() => setTable((current) => !current)}>
          {t("showAsTable")}
        </button>
      </div>
      <p className="hint">{description}</p>
      <div className="review-chart">{chart}</div>
      <div className="review-table">{table}</div>
    </figure>
  );
}
