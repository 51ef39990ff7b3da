import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadWorkshop } from "../_data";
import { ArchiveDownload } from "./_components/ArchiveDownload";

type Props = { params: Promise<{ workshopId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exports"))("title") };
}

/** The whole workshop as files: lessons, annotations, codebook, and the archive bundle (for those the policy lets export). */
export default async function ExportPage({ params }: Props) {
  const { workshop } = await loadWorkshop((await params).workshopId);
  if (!workshop.can["exports.download"]) notFound();
  const t = await getTranslations("exports");
  const api = `/api/workshops/${encodeURIComponent(workshop.id)}/export`;
  const sections = [
    { id: "lessons", links: [{ href: `${api}/lessons?format=csv`, label: t("csv") }, { href: `${api}/lessons?format=json`, label: t("json") }] },
    { id: "annotations", links: [{ href: `${api}/annotations`, label: t("jsonld") }] },
    { id: "codebook", links: [{ href: `${api}/codebook?format=json`, label: t("json") }, { href: `${api}/codebook?format=qdc`, label: t("qdc") }] },
  ] as const;
  return (
    <div className="narrow stack">
      <section className="stack-small">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </section>
      <section className="stack-small" aria-labelledby="export-archive">
        <h2 id="export-archive">{t("archiveHeading")}</h2>
        <p className="hint">{t("archiveHint")}</p>
        <ArchiveDownload workshopId={workshop.id} />
      </section>
      {sections.map((section) => (
        <section key={section.id} className="stack-small" aria-labelledby={`export-${section.id}`}>
          <h2 id={`export-${section.id}`}>{t(`${section.id}Heading`)}</h2>
          <p className="hint">{t(`${section.id}Hint`)}</p>
          <p className="export-links">
            {section.links.map((link) => (
              <a key={link.href} href={link.href} download>
                {link.label}
              </a>
            ))}
          </p>
        </section>
      ))}
    </div>
  );
}
