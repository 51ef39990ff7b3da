import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { findThemes } from "@/lib/themes/find-themes";
import { findThemeProposals } from "@/lib/themes/find-theme-proposals";
import { loadWorkshop } from "../_data";
import { Codebook } from "./_components/Codebook";

type Props = { params: Promise<{ workshopId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("themes"))("title") };
}

/** The codebook: its themes in order, the proposals, and for organizers the tools to keep it. */
export default async function ThemesPage({ params }: Props) {
  const { viewer, workshop } = await loadWorkshop((await params).workshopId);
  const [t, themes, proposals] = await Promise.all([
    getTranslations("themes"),
    findThemes({ viewer, workshopId: workshop.id }),
    findThemeProposals({ viewer, workshopId: workshop.id }),
  ]);
  const canManage = workshop.can["themes.manage"];
  const canPropose = workshop.can["themes.propose"];
  return (
    <div className="stack">
      <section className="stack-small">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
        {workshop.status !== "OPEN" ? <p className="hint">{t("readOnly")}</p> : !canManage && !canPropose && <p className="hint">{t("observerNote")}</p>}
      </section>
      <Codebook workshopId={workshop.id} initialThemes={themes} initialProposals={proposals} canManage={canManage} canPropose={canPropose} />
    </div>
  );
}
