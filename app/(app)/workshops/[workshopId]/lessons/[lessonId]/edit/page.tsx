import Link from "next/link";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LessonForm } from "@/components/lessons/LessonForm";
import { draftsOfLesson } from "@/components/lessons/evidence-draft";
import { getLesson } from "@/lib/lessons/get-lesson";
import { isAppError } from "@/lib/errors";
import { orNotFound } from "@/lib/page-helpers";
import { loadWorkshop } from "../../../_data";

type Props = { params: Promise<{ workshopId: string; lessonId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lessons.form"))("editTitle") };
}

/** Editing one's own lesson: the same form, filled in. */
export default async function EditLessonPage({ params }: Props) {
  const { workshopId, lessonId } = await params;
  const { viewer, workshop, themes, sources } = await loadWorkshop(workshopId);
  const board = `/workshops/${workshop.id}/lessons`;
  const [t, lesson] = await Promise.all([
    getTranslations("lessons.form"),
    orNotFound(getLesson({ viewer, workshopId: workshop.id, lessonId })).catch((error: unknown) => {
      // A duplicate merged meanwhile: the board, at the lesson it became part of.
      if (isAppError(error) && error.messageKey === "lessonMerged") redirect(error.details?.mergedIntoId ? `${board}#lesson-${error.details.mergedIntoId}` : board);
      throw error;
    }),
  ]);
  if (!lesson.mine || !workshop.can["lessons.write"]) notFound();
  return (
    <div className="narrow stack">
      <p>
        <Link href={`${board}#lesson-${lesson.id}`}>{t("back")}</Link>
      </p>
      <h1>{t("editTitle")}</h1>
      <LessonForm
        workshopId={workshop.id}
        themes={themes}
        sources={sources}
        lessonId={lesson.id}
        initial={{ statement: lesson.statement, elaboration: lesson.elaboration, themeIds: lesson.themeIds, evidence: draftsOfLesson(lesson) }}
        canStance={workshop.can["lessons.stance"]}
      />
    </div>
  );
}
