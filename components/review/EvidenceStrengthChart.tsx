"use client";

import { useLocale, useTranslations } from "next-intl";
import { Group } from "@visx/group";
import { scaleBand, scaleSqrt } from "@visx/scale";
import { consensusWording } from "@/lib/consensus/wording";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { STRENGTH_BUCKETS, type Review } from "@/lib/review/schemas";
import { classFill } from "./class-colors";

const WIDTH = 640;
const HEIGHT = 340;
const MARGIN = { top: 12, right: 16, bottom: 40, left: 210 };

/** Agreement against evidence strength: a bubble per class and strength, its area the number of lessons. */
export function EvidenceStrengthChart({ strength }: { strength: Review["strength"] }) {
  const t = useTranslations("review");
  const locale = useLocale();
  const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: [...STRENGTH_BUCKETS], range: [0, innerWidth], padding: 0.1 });
  const y = scaleBand<string>({ domain: strength.map((row) => row.consensus), range: [0, innerHeight], padding: 0.1 });
  const largest = Math.max(1, ...strength.flatMap((row) => STRENGTH_BUCKETS.map((bucket) => row.counts[bucket])));
  const radius = scaleSqrt<number>({ domain: [0, largest], range: [0, Math.min(x.bandwidth(), y.bandwidth()) / 2] });
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t("strengthTitle")} className="review-svg">
      <Group left={MARGIN.left} top={MARGIN.top}>
        {strength.map((row) => (
          <g key={row.consensus}>
            <text x={-8} y={(y(row.consensus) ?? 0) + y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle" className="review-axis-label">
              {consensusWording(row.consensus, language).label}
            </text>
            {STRENGTH_BUCKETS.filter((bucket) => row.counts[bucket] > 0).map((bucket) => (
              <circle
                key={bucket}
                cx={(x(bucket) ?? 0) + x.bandwidth() / 2}
                cy={(y(row.consensus) ?? 0) + y.bandwidth() / 2}
                r={Math.max(2, radius(row.counts[bucket]))}
                className={classFill(row.consensus)}
              >
                <title>{`${consensusWording(row.consensus, language).label}, ${t(`strength.${bucket}`)}: ${row.counts[bucket]}`}</title>
              </circle>
            ))}
          </g>
        ))}
        {STRENGTH_BUCKETS.map((bucket) => (
          <text key={bucket} x={(x(bucket) ?? 0) + x.bandwidth() / 2} y={innerHeight + 20} textAnchor="middle" className="review-axis-label">
            {t(`strength.${bucket}`)}
          </text>
        ))}
      </Group>
    </svg>
  );
}
