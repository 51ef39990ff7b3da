import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { findCodebookOrigins } from "@/lib/workshops/find-codebook-origins";
import { WorkshopForm } from "../_components/WorkshopForm";
import { createWorkshopAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workshops"))("create") };
}

export default async function NewWorkshopPage() {
  const viewer = await requireViewerOrRedirect("/workshops/new");
  const [t, codebookOrigins] = await Promise.all([getTranslations("workshops"), findCodebookOrigins({ viewer })]);
  return (
    <div className="narrow stack">
      <h1>{t("create")}</h1>
      <WorkshopForm action={createWorkshopAction} submitLabel={t("createSubmit")} codebookOrigins={codebookOrigins} />
    </div>
  );
}
