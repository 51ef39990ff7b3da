import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadWorkshop } from "../_data";
import { WorkshopForm } from "../../_components/WorkshopForm";
import { updateWorkshopAction, changeWorkshopStatusAction } from "../../actions";
import { StatusControls } from "../_components/StatusControls";

type Props = { params: Promise<{ workshopId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workshop.settings"))("title") };
}

export default async function WorkshopSettingsPage({ params }: Props) {
  const { workshop } = await loadWorkshop((await params).workshopId);
  if (!workshop.can["workshop.changeStatus"]) notFound();
  const t = await getTranslations("workshop.settings");
  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      {workshop.can["workshop.edit"] ? (
        <WorkshopForm action={updateWorkshopAction.bind(null, workshop.id)} initial={workshop} submitLabel={t("save")} />
      ) : (
        <p className="hint">{t("readOnly")}</p>
      )}
      <StatusControls status={workshop.status} action={changeWorkshopStatusAction.bind(null, workshop.id)} />
    </div>
  );
}
