import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MAX_SOURCE_BYTES } from "@/lib/sources/import/import-errors";
import { loadWorkshop } from "../../_data";
import { NewSourceForm } from "../_components/NewSourceForm";

type Props = { params: Promise<{ workshopId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sourceForm"))("title") };
}

export default async function NewSourcePage({ params }: Props) {
  const { workshop } = await loadWorkshop((await params).workshopId);
  if (!workshop.can["sources.manage"]) notFound();
  const t = await getTranslations("sourceForm");
  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro", { limitMb: MAX_SOURCE_BYTES / (1024 * 1024) })}</p>
      <NewSourceForm workshopId={workshop.id} />
    </div>
  );
}
