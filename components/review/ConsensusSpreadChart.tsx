"use client";

import { useLocale, useTranslations } from "next-intl";
import { Group } from "@visx/group";
import { Bar } from "@visx/shape";
import { AxisBottom } from "@visx/axis";
import { scaleBand, scaleLinear } from "@visx/scale";
import { consensusWording } from "@/lib/consensus/wording";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { REVIEW_CLASS_ORDER } from "@/lib/review/summarize-lessons";
import type { ReviewTheme } from "@/lib/review/schemas";
import { classFill } from "./class-colors";

const WIDTH = 640;
const ROW = 28;
// The bottom holds the tick labels and, under them, the axis label.
const MARGIN = { top: 8, right: 16, bottom: 44, left: 180 };

/** How consensus is spread across themes: one stacked bar of lessons per theme, by class. Fixed size: no shift on hydration. */
export function ConsensusSpreadChart({ themes }: { themes: readonly ReviewTheme[] }) {
  const t = useTranslations("review");
  const locale = useLocale();
  const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const height = MARGIN.top + MARGIN.bottom + Math.max(1, themes.length) * ROW;
  const totals = themes.map((theme) => REVIEW_CLASS_ORDER.reduce((sum, name) => sum + theme.spread[name], 0));
  const x = scaleLinear<number>({ domain: [0, Math.max(1, ...totals)], range: [0, WIDTH - MARGIN.left - MARGIN.right], nice: true });
  const y = scaleBand<number>({ domain: themes.map((_, index) => index), range: [0, height - MARGIN.top - MARGIN.bottom], padding: 0.25 });
  return (
    <svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t("spreadTitle")} className="review-svg">
      <Group left={MARGIN.left} top={MARGIN.top}>
        {themes.map((theme, index) => {
          let offset = 0;
          const label = theme.name ?? t("unthemed");
          return (
            <g key={theme.id ?? "none"}>
              <text x={-8} y={(y(index) ?? 0) + y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle" className="review-axis-label">
                {label.length > 26 ? `${label.slice(0, 25)}…` : label}
              </text>
              {REVIEW_CLASS_ORDER.filter((name) => theme.spread[name] > 0).map((name) => {
                const width = x(theme.spread[name]) - x(0);
                const bar = <Bar key={name} x={x(offset)} y={y(index)} width={width} height={y.bandwidth()} className={classFill(name)} />;
                offset += theme.spread[name];
                return (
                  <g key={name}>
                    <title>{`${label}: ${consensusWording(name, language).label}, ${theme.spread[name]}`}</title>
                    {bar}
                  </g>
                );
              })}
            </g>
          );
        })}
        <AxisBottom top={height - MARGIN.top - MARGIN.bottom} scale={x} numTicks={5} tickFormat={(value) => String(value)} label={t("lessonsAxis")} />
      </Group>
    </svg>
  );
}

/** The legend shared by both charts: each class's colour and phrase. */
export function ClassLegend() {
  const locale = useLocale();
  const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return (
    <ul className="review-legend">
      {REVIEW_CLASS_ORDER.map((name) => (
        <li key={name}>
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" className={classFill(name)} />
          </svg>
          {consensusWording(name, language).label}
        </li>
      ))}
    </ul>
  );
}
