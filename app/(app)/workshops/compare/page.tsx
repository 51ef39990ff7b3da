import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { compareWorkshops } from "@/lib/compare/compare-workshops";
import { CONSENSUS_CLASSES } from "@/lib/consensus/consensus";
import { consensusWording } from "@/lib/consensus/wording";
import { isLocale } from "@/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("compare"))("title") };
}

/** Themes that recur across the viewer's workshops, and how the consensus on their lessons compares. */
export default async function CompareWorkshopsPage() {
  const viewer = await requireViewerOrRedirect("/workshops/compare");
  const [t, comparison, locale] = await Promise.all([getTranslations("compare"), compareWorkshops({ viewer }), getLocale()]);
  const titles = new Map(comparison.workshops.map((workshop) => [workshop.id, workshop.title]));
  const wordingLocale = isLocale(locale) ? locale : "en";
  return (
    <div className="stack">
      <p>
        <Link href="/workshops">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {comparison.themes.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        comparison.themes.map((theme) => (
          <section key={theme.key} className="stack-small" aria-labelledby={`theme-${theme.key}`}>
            <h2 id={`theme-${theme.key}`}>{theme.name}</h2>
            <p className="meta">{t(`matchedBy.${theme.matchedBy}`, { count: theme.workshops.length })}</p>
            <div className="table-scroll">
              <table className="compare-table">
                <thead>
                  <tr>
                    <th scope="col">{t("workshop")}</th>
                    <th scope="col">{t("themeThere")}</th>
                    <th scope="col">{t("lessons")}</th>
                    <th scope="col">{t("consensus")}</th>
                  </tr>
                </thead>
                <tbody>
                  {theme.workshops.map((row) => (
                    <tr key={`${row.workshopId}-${row.name}`}>
                      <th scope="row">
                        <Link href={`/workshops/${row.workshopId}/lessons`}>{titles.get(row.workshopId)}</Link>
                        {row.startedFromId && <span className="meta"> {t("startedFrom", { title: titles.get(row.startedFromId) ?? "" })}</span>}
                      </th>
                      <td>{row.name}</td>
                      <td>{row.lessons}</td>
                      <td>
                        {row.classes === null ? (
                          t("held")
                        ) : row.lessons === 0 ? (
                          t("noLessons")
                        ) : (
                          <ul className="compare-classes">
                            {CONSENSUS_CLASSES.filter((name) => row.classes![name] > 0).map((name) => (
                              <li key={name}>{t("classCount", { phrase: consensusWording(name, wordingLocale).label, count: row.classes![name] })}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
    </div>
  );
}
