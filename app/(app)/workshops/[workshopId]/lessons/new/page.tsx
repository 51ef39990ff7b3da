import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LessonForm } from "@/components/lessons/LessonForm";
import { loadWorkshop } from "../../_data";
import { prefillEvidence } from "./_prefill";

type Props = { params: Promise<{ workshopId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lessons.form"))("newTitle") };
}

/** A new lesson, possibly started from the reader: `?passage=ID&themes=a,b` or a selection. */
export default async function NewLessonPage({ params, searchParams }: Props) {
  const { viewer, workshop, themes, sources } = await loadWorkshop((await params).workshopId);
  if (!workshop.can["lessons.write"]) notFound();
  const query = await searchParams;
  const [t, evidence] = await Promise.all([getTranslations("lessons.form"), prefillEvidence({ viewer, workshopId: workshop.id, query })]);
  const wanted = String(query.themes ?? "").split(",");
  const themeIds = themes.filter((theme) => wanted.includes(theme.id)).map((theme) => theme.id);
  return (
    <div className="narrow stack">
      <p>
        <Link href={`/workshops/${workshop.id}/lessons`}>{t("back")}</Link>
      </p>
      <h1>{t("newTitle")}</h1>
      <p className="lead">{t("intro")}</p>
      <LessonForm
        workshopId={workshop.id}
        themes={themes}
        sources={sources}
        initial={{ statement: "", elaboration: "", themeIds, evidence }}
        canStance={workshop.can["lessons.stance"]}
      />
    </div>
  );
}
