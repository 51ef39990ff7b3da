import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { orNotFound } from "@/lib/page-helpers";
import { getSourceMarkup } from "@/lib/sources/get-source-markup";
import { notFound } from "next/navigation";
import { ReviseSourceForm } from "../../_components/ReviseSourceForm";

type Props = { params: Promise<{ workshopId: string; sourceId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("revise"))("link") };
}

/** Organizers only: anyone else gets the same 404 as for a page that does not exist. */
async function load(workshopId: string, sourceId: string) {
  const viewer = await requireViewerOrRedirect(`/workshops/${workshopId}/sources/${sourceId}/revise`);
  try {
    return await orNotFound(getSourceMarkup({ viewer, workshopId, sourceId }));
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") notFound();
    throw error;
  }
}

export default async function ReviseSourcePage({ params }: Props) {
  const { workshopId, sourceId } = await params;
  const source = await load(workshopId, sourceId);
  const t = await getTranslations("revise");
  return (
    <div className="stack">
      <h1>{t("title", { title: source.title })}</h1>
      <p className="lead">{t("intro")}</p>
      <p>{t("annotations", { count: source.annotationCount })}</p>
      <ReviseSourceForm workshopId={workshopId} sourceId={source.id} markup={source.markup} revision={source.revision} />
    </div>
  );
}
