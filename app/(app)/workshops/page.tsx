import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { findMyWorkshops } from "@/lib/workshops/find-my-workshops";
import { WorkshopCard } from "./_components/WorkshopCard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workshops"))("title") };
}

type Props = { searchParams: Promise<{ view?: string | string[] }> };

/** The viewer's workshops; archived ones (the read-only record) under their own tab, out of the way. */
export default async function MyWorkshopsPage({ searchParams }: Props) {
  const viewer = await requireViewerOrRedirect("/workshops");
  const [t, tCompare, all, { view }] = await Promise.all([
    getTranslations("workshops"),
    getTranslations("compare"),
    findMyWorkshops({ viewer }),
    searchParams,
  ]);
  const showArchived = view === "archived";
  const archivedCount = all.filter((workshop) => workshop.status === "ARCHIVED").length;
  const workshops = all.filter((workshop) => (workshop.status === "ARCHIVED") === showArchived);
  return (
    <div className="stack">
      <div className="page-heading">
        <h1>{t("title")}</h1>
        <div className="page-actions">
          <Link href="/workshops/compare" className="button">
            {tCompare("link")}
          </Link>
          <Link href="/workshops/new" className="button button-primary">
            {t("create")}
          </Link>
        </div>
      </div>
      {all.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          {archivedCount > 0 && (
            <nav aria-label={t("listLabel")} className="tabs">
              <Link href="/workshops" aria-current={showArchived ? undefined : "page"}>
                {t("current")}
              </Link>
              <Link href="/workshops?view=archived" aria-current={showArchived ? "page" : undefined}>
                {t("archived", { count: archivedCount })}
              </Link>
            </nav>
          )}
          {workshops.length === 0 ? (
            <p>{showArchived ? t("emptyArchived") : t("emptyCurrent")}</p>
          ) : (
            <ul className="card-list" aria-label={t("title")}>
              {workshops.map((workshop) => (
                <li key={workshop.id}>
                  <WorkshopCard workshop={workshop} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
