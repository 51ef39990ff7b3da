import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ThemeSwatch } from "@/components/themes/ThemeSwatch";
import { FilePlus } from "lucide-react";
import { EmptyState } from "@/components/ui/EmptyState";
import { loadWorkshop } from "./_data";
import { EmptyThemes } from "./_components/EmptyThemes";
import { RetentionSummary } from "@/components/retention/RetentionSummary";

type Props = { params: Promise<{ workshopId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workshop } = await loadWorkshop((await params).workshopId);
  return { title: workshop.title };
}

export default async function WorkshopOverviewPage({ params }: Props) {
  const { workshop, sources, themes } = await loadWorkshop((await params).workshopId);
  const [t, tRoles, tSourceForm, tEmpty, format] = await Promise.all([
    getTranslations("workshop"),
    getTranslations("roles"),
    getTranslations("sourceForm"),
    getTranslations("empty"),
    getFormatter(),
  ]);
  return (
    <div className="stack">
      <section className="stack-small">
        <h1>{workshop.title}</h1>
        <p className="meta">
          {workshop.date && <span>{format.dateTime(new Date(workshop.date), { dateStyle: "long", timeZone: "UTC" })}</span>}
          {workshop.place && <span>{workshop.place}</span>}
          <span>{t("yourRole", { role: tRoles(workshop.myRole) })}</span>
        </p>
        {workshop.description && <p className="lead">{workshop.description}</p>}
      </section>
      {workshop.status !== "OPEN" && (workshop.retention.days !== null || workshop.retention.appliedOn) && (
        <section aria-labelledby="retention-heading" className="notice stack-small">
          <h2 id="retention-heading">{t("retentionHeading")}</h2>
          <RetentionSummary retention={workshop.retention} />
        </section>
      )}

      <div className="columns">
        <section aria-labelledby="sources-heading" className="stack-small">
          <h2 id="sources-heading">{t("sources.title")}</h2>
          {workshop.can["sources.manage"] && sources.length > 0 && (
            <p>
              <Link href={`/workshops/${workshop.id}/sources/new`} className="button">
                <FilePlus aria-hidden="true" className="icon" />
                {tSourceForm("addSource")}
              </Link>
            </p>
          )}
          {sources.length === 0 ? (
            <EmptyState
              title={tEmpty("sources.title")}
              testId="empty-sources"
              action={
                workshop.can["sources.manage"] && (
                  <Link href={`/workshops/${workshop.id}/sources/new`} className="button button-primary">
                    <FilePlus aria-hidden="true" className="icon" />
                    {tSourceForm("addSource")}
                  </Link>
                )
              }
            >
              {workshop.can["sources.manage"] ? tEmpty("sources.manage") : tEmpty("sources.others")}
            </EmptyState>
          ) : (
            <ol className="card-list">
              {sources.map((source) => (
                <li key={source.id} className="card stack-small">
                  <h3 className="card-title">
                    <Link href={`/workshops/${workshop.id}/sources/${source.id}`}>{source.title}</Link>
                  </h3>
                  <p className="meta">
                    {source.authors.length > 0 && <span>{source.authors.join(", ")}</span>}
                    {source.publishedOn && <span>{source.publishedOn}</span>}
                    <span>{t("sources.words", { count: source.wordCount })}</span>
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="themes-heading" className="stack-small">
          <h2 id="themes-heading">
            <Link href={`/workshops/${workshop.id}/themes`}>{t("themes.title")}</Link>
          </h2>
          {themes.length === 0 ? (
            <EmptyThemes workshopId={workshop.id} canManage={workshop.can["themes.manage"]} canPropose={workshop.can["themes.propose"]} />
          ) : (
            <ol className="theme-list theme-list-colored">
              {themes.map((theme) => (
                <li key={theme.id}>
                  <ThemeSwatch color={theme.color} />
                  <span>{theme.name}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
