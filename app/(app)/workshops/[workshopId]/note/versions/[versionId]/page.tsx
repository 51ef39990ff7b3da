import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/lib/page-helpers";
import { renderNoteVersion } from "@/lib/notes/versions/render-note-version";
import { VersionHeading } from "@/components/note/versions/VersionHeading";
import { getRequestLocale } from "@/i18n/request";
import { loadWorkshop } from "../../../_data";

type Props = { params: Promise<{ workshopId: string; versionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("note.versions.page"))("title") };
}

/** One kept version of the note, read-only: its name, a coarse time and its text. Never who. */
export default async function NoteVersionPage({ params }: Props) {
  const { workshopId, versionId } = await params;
  const { viewer, workshop } = await loadWorkshop(workshopId);
  const locale = await getRequestLocale();
  const [t, { version, html, footnotes }] = await Promise.all([
    getTranslations("note.versions.page"),
    orNotFound(renderNoteVersion({ viewer, workshopId: workshop.id, versionId, locale })),
  ]);
  return (
    <div className="stack">
      <header className="stack-small">
        <h1>{t("title")}</h1>
        <VersionHeading version={version} />
        <p className="hint">{t("readOnly")}</p>
        <p>
          <a href={`/workshops/${encodeURIComponent(workshop.id)}/note`}>{t("back")}</a>
        </p>
      </header>
      {/* The body's HTML is built from the note's own schema, every text escaped. */}
      <article className="note-page stack-small" aria-label={t("title")}>
        <div className="note-body" dangerouslySetInnerHTML={{ __html: html }} />
        {footnotes.length > 0 && (
          <section aria-labelledby="version-notes">
            <h2 id="version-notes">{t("notes")}</h2>
            <ol>
              {footnotes.map((footnote) => (
                <li key={footnote.number} value={footnote.number}>
                  {footnote.text}
                  {footnote.quote && <> “{footnote.quote}”</>}
                  {footnote.flagged && <em> {t("flagged")}</em>}
                </li>
              ))}
            </ol>
          </section>
        )}
      </article>
    </div>
  );
}
