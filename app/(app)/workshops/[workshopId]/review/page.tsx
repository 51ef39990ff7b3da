import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getReview } from "@/lib/review/get-review";
import { ChartFigure } from "@/components/review/ChartFigure";
import { ClassLegend, ConsensusSpreadChart } from "@/components/review/ConsensusSpreadChart";
import { EvidenceStrengthChart } from "@/components/review/EvidenceStrengthChart";
import { MostCited } from "@/components/review/MostCited";
import { SourceCoverage } from "@/components/review/SourceCoverage";
import { SpreadTable, StrengthTable, ThemeLessons } from "@/components/review/ReviewTables";
import { CoverageFilter } from "@/components/review/CoverageFilter";
import "@/components/review/review.css";
import { loadWorkshop } from "../_data";

type Props = { params: Promise<{ workshopId: string }>; searchParams: Promise<{ theme?: string | string[]; all?: string | string[] }> };

/** The key of a theme's section in `?all=` (which section shows every lesson): its id, or "none". */
const sectionKey = (themeId: string | null) => themeId ?? "none";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

/** The review: what the workshop learned, how widely it is shared, what it rests on, what the room read. */
export default async function ReviewPage({ params, searchParams }: Props) {
  const [{ viewer, workshop, themes }, { theme, all }] = await Promise.all([loadWorkshop((await params).workshopId), searchParams]);
  // An unknown or stale filter in the address shows every theme rather than an error page.
  const themeId = typeof theme === "string" && themes.some((known) => known.id === theme) ? theme : undefined;
  const [t, review] = await Promise.all([getTranslations("review"), getReview({ viewer, workshopId: workshop.id, query: { themeId } })]);
  return (
    <div className="stack review-page">
      <section className="stack-small">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
        {review.held && (
          <p className="notice" role="status">
            {t("heldNotice")}
          </p>
        )}
        <p>{t("noteSummary", review.note)}</p>
      </section>
      <section className="stack-small review-section" aria-labelledby="review-charts">
        <h2 id="review-charts">{t("chartsTitle")}</h2>
        <ClassLegend />
        <ChartFigure title={t("spreadTitle")} description={t("spreadDescription")} chart={<ConsensusSpreadChart themes={review.themes} />} table={<SpreadTable themes={review.themes} />} />
        <ChartFigure
          title={t("strengthTitle")}
          description={t("strengthDescription")}
          chart={<EvidenceStrengthChart strength={review.strength} />}
          table={<StrengthTable strength={review.strength} />}
        />
      </section>
      <section className="stack-small review-section" aria-labelledby="review-themes">
        <h2 id="review-themes">{t("themesTitle")}</h2>
        {review.themes.map((item, index) => (
          <ThemeLessons
            key={sectionKey(item.id)}
            theme={item}
            workshopId={workshop.id}
            headingId={`review-theme-${index}`}
            expanded={all === sectionKey(item.id)}
            showAllHref={`?${new URLSearchParams({ ...(themeId ? { theme: themeId } : {}), all: sectionKey(item.id) })}#review-theme-${index}`}
          />
        ))}
      </section>
      <section className="stack-small review-section" aria-labelledby="review-cited">
        <h2 id="review-cited">{t("citedTitle")}</h2>
        <MostCited passages={review.mostCited} workshopId={workshop.id} />
      </section>
      <section className="stack-small review-section" aria-labelledby="review-coverage">
        <h2 id="review-coverage">{t("coverageTitle")}</h2>
        <p className="hint">{t("coverageDescription")}</p>
        <CoverageFilter themes={themes} themeId={themeId ?? null} />
        {review.coverage.sources.map((source) => (
          <SourceCoverage key={source.id} source={source} workshopId={workshop.id} />
        ))}
      </section>
    </div>
  );
}
