import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { findMyWorkshops } from "@/lib/workshops/find-my-workshops";
import { WorkshopCard } from "./_components/WorkshopCard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workshops"))("title") };
}

export default async function MyWorkshopsPage() {
  const viewer = await requireViewerOrRedirect("/workshops");
  const [t, workshops] = await Promise.all([getTranslations("workshops"), findMyWorkshops({ viewer })]);
  return (
    <div className="stack">
      <div className="page-heading">
        <h1>{t("title")}</h1>
        <Link href="/workshops/new" className="button button-primary">
          {t("create")}
        </Link>
      </div>
      {workshops.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="card-list" aria-label={t("title")}>
          {workshops.map((workshop) => (
            <li key={workshop.id}>
              <WorkshopCard workshop={workshop} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
