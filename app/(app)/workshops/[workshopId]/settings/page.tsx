import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/env";
import { loadWorkshop } from "../_data";
import { WorkshopForm } from "../../_components/WorkshopForm";
import { updateWorkshopAction, changeWorkshopStatusAction, sealWorkshopAction } from "../../actions";
import { StatusControls } from "../_components/StatusControls";
import { SealControls } from "../_components/SealControls";
import { LessonSettingsForm } from "@/components/lessons/LessonSettingsForm";
import { getLessonSettings } from "@/lib/lessons/get-lesson-settings";
import { updateLessonSettingsAction, updateNoteSettingsAction, updateRetentionAction } from "./actions";
import { NoteSettingsForm } from "./_components/NoteSettingsForm";
import { RetentionForm } from "./_components/RetentionForm";

type Props = { params: Promise<{ workshopId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workshop.settings"))("title") };
}

export default async function WorkshopSettingsPage({ params }: Props) {
  const { viewer, workshop } = await loadWorkshop((await params).workshopId);
  if (!workshop.can["workshop.changeStatus"]) notFound();
  const [t, format, lessonSettings] = await Promise.all([getTranslations("workshop.settings"), getFormatter(), getLessonSettings({ viewer, workshopId: workshop.id })]);
  const sealedOn = workshop.sealedOn ? format.dateTime(new Date(`${workshop.sealedOn}T00:00:00Z`), { dateStyle: "long" }) : null;
  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      {workshop.can["workshop.edit"] ? (
        <WorkshopForm action={updateWorkshopAction.bind(null, workshop.id)} initial={workshop} submitLabel={t("save")} />
      ) : (
        <p className="hint">{t("readOnly")}</p>
      )}
      {workshop.can["workshop.edit"] && (
        <LessonSettingsForm
          initial={{ holdStances: lessonSettings.holdStances, consensusThresholds: lessonSettings.isDefaultThresholds ? null : lessonSettings.thresholds }}
          onSave={updateLessonSettingsAction.bind(null, workshop.id)}
        />
      )}
      {workshop.can["note.settings"] && (
        <NoteSettingsForm participantsEditNote={workshop.participantsEditNote} onSave={updateNoteSettingsAction.bind(null, workshop.id)} />
      )}
      {workshop.can["workshop.retention"] && <RetentionForm retention={workshop.retention} onSave={updateRetentionAction.bind(null, workshop.id)} />}
      <StatusControls status={workshop.status} action={changeWorkshopStatusAction.bind(null, workshop.id)} />
      {workshop.can["workshop.seal"] && <SealControls sealedOn={sealedOn} days={getEnv().SEAL_AFTER_CLOSED_DAYS} action={sealWorkshopAction.bind(null, workshop.id)} />}
    </div>
  );
}
