import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeetingNote } from "@/components/note/MeetingNote";
import { loadWorkshop } from "../_data";

type Props = { params: Promise<{ workshopId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("note");
  return { title: t("title") };
}

export default async function MeetingNotePage({ params }: Props) {
  const { workshopId } = await params;
  const { workshop, themes } = await loadWorkshop(workshopId);
  const t = await getTranslations("note");
  return (
    <div className="stack">
      <header className="stack-small">
        <h1>{t("title")}</h1>
        <p className="hint">{t("intro")}</p>
        <p className="export-links">
          <span>{t("export.label")}</span>{" "}
          <a href={`/api/workshops/${workshop.id}/note/export?format=md`} download>
            {t("export.markdown")}
          </a>{" "}
          <a href={`/api/workshops/${workshop.id}/note/export?format=html`} download>
            {t("export.html")}
          </a>{" "}
          <a href={`/api/workshops/${workshop.id}/note/export?format=docx`} download>
            {t("export.docx")}
          </a>{" "}
          <a href={`/api/workshops/${workshop.id}/note/export?format=pdf`} download>
            {t("export.pdf")}
          </a>
        </p>
      </header>
      <MeetingNote workshopId={workshop.id} themes={themes.map((theme) => theme.name)} />
    </div>
  );
}
