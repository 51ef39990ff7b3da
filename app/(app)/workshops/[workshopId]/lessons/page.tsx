import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LessonsBoard } from "@/components/lessons/LessonsBoard";
import { BOARD_BATCH } from "@/components/lessons/board-order";
import { findLessons } from "@/lib/lessons/find-lessons";
import { loadWorkshop } from "../_data";
import { boardPermissions } from "./_permissions";

type Props = { params: Promise<{ workshopId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lessons"))("title") };
}

/** The lessons board: what the room learned, by theme, with how widely it is shared. */
export default async function LessonsPage({ params }: Props) {
  const { viewer, workshop, themes } = await loadWorkshop((await params).workshopId);
  const [t, board] = await Promise.all([getTranslations("lessons"), findLessons({ viewer, workshopId: workshop.id })]);
  const can = boardPermissions(workshop.can);
  return (
    <div className="stack">
      <section className="stack-small">
        <div className="page-heading">
          <h1>{t("title")}</h1>
          {can.canWrite && (
            <Link className="button button-primary" href={`/workshops/${workshop.id}/lessons/new`}>
              {t("write")}
            </Link>
          )}
        </div>
        <p className="lead">{t("intro")}</p>
      </section>
      <LessonsBoard
        workshopId={workshop.id}
        // The first lessons come with the page; the board fetches the rest once it is live.
        initialBoard={{ ...board, lessons: board.lessons.slice(0, BOARD_BATCH) }}
        isComplete={board.lessons.length <= BOARD_BATCH}
        initialThemes={themes}
        can={can}
      />
    </div>
  );
}
