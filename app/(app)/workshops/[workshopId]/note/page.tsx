import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeetingNote } from "@/components/note/MeetingNote";
import { NoteVersionsPanel } from "@/components/note/versions/NoteVersionsPanel";
import { ExportMenu } from "@/components/note/guard/ExportMenu";
import { findCitablePassage } from "./_cite";
import { loadWorkshop } from "../_data";

type Props = { params: Promise<{ workshopId: string }>; searchParams: Promise<{ cite?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("note");
  return { title: t("title") };
}

/**
 * The meeting note: header (title, export links; the versions and the export menu join here),
 * then the workspace (editor, footnotes, lessons panel). `?cite=<passageId>` comes from "Cite in
 * the note" in the reader: the workspace offers to insert that citation, nothing more.
 */
export default async function MeetingNotePage({ params, searchParams }: Props) {
  const { workshopId } = await params;
  const { cite } = await searchParams;
  const { viewer, workshop, themes, sources } = await loadWorkshop(workshopId);
  const t = await getTranslations("note");
  const citable = typeof cite === "string" ? await findCitablePassage(viewer, workshop.id, cite) : undefined;
  return (
    <div className="stack">
      <header className="stack-small">
        <h1>{t("title")}</h1>
        <p className="hint">{t("intro")}</p>
        <ExportMenu workshopId={workshop.id} />
      </header>
      <MeetingNote
        workshopId={workshop.id}
        themes={themes.map((theme) => theme.name)}
        sources={sources.map((source) => ({ id: source.id, title: source.title }))}
        cite={citable}
      />
      <NoteVersionsPanel workshopId={workshop.id} />
    </div>
  );
}
