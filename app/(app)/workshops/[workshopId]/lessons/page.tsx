import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LessonsBoard } from "@/components/lessons/LessonsBoard";
import { DEFAULT_THRESHOLDS } from "@/lib/consensus/consensus";
import { loadWorkshop } from "../_data";
import { boardPermissions } from "./_permissions";

type Props = { params: Promise<{ workshopId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lessons"))("title") };
}

/** The lessons board: what the room learned, by theme, with how widely it is shared. */
export default async function LessonsPage({ params }: Props) {
  const { workshop, themes } = await loadWorkshop((await params).workshopId);
  const t = await getTranslations("lessons");
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
        initialBoard={{ lessons: [], held: false, notices: [], thresholds: DEFAULT_THRESHOLDS }}
        isComplete={false}
        initialThemes={themes}
        can={can}
      />
    </div>
  );
}
