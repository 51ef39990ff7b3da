import Link from "next/link";
import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-helpers";
import { getSource } from "@/lib/sources/get-source";
import { findSourceAnnotations } from "@/lib/annotations/find-source-annotations";
import { SourceReader } from "@/components/reader/SourceReader";
import { FIND_PASSAGE_INPUT_ID } from "@/components/reader/ids";
import { getSourceCoverage } from "@/lib/review/get-source-coverage";
import { ReaderMinimap } from "@/components/review/ReaderMinimap";

type Props = { params: Promise<{ workshopId: string; sourceId: string }> };

const load = cache(async (workshopId: string, sourceId: string) => {
  const viewer = await requireViewerOrRedirect(`/workshops/${workshopId}/sources/${sourceId}`);
  const reading = await orNotFound(getSource({ viewer, workshopId, sourceId }));
  const [annotations, coverage] = await Promise.all([findSourceAnnotations({ viewer, workshopId, sourceId }), getSourceCoverage({ viewer, workshopId, sourceId })]);
  return { ...reading, annotations, coverage };
});

/**
 * Who wrote the source, who published it, when: each said once. Sources often name the same
 * bodies as authors and publisher (the IPI note does), and the byline is not repeated for it.
 */
function bylineOf(source: { authors: string[]; publisher: string; publishedOn: string }): string[] {
  const authors = source.authors.join(", ");
  const parts = [authors, source.publisher === authors ? "" : source.publisher, source.publishedOn];
  return [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workshopId, sourceId } = await params;
  return { title: (await load(workshopId, sourceId)).source.title };
}

export default async function SourcePage({ params }: Props) {
  const { workshopId, sourceId } = await params;
  const { workshop, source, themes, annotations, coverage } = await load(workshopId, sourceId);
  const [t, tRevise, tReader] = await Promise.all([getTranslations("source"), getTranslations("revise"), getTranslations("reader")]);
  const byline = bylineOf(source);
  const outline = source.blocks.map((block, index) => ({ block, index })).filter(({ block }) => block.kind === "heading");
  const canContribute = workshop.can["content.contribute"];
  return (
    <div className={`reader-page${outline.length > 0 ? " reader-layout" : ""}`}>
      {canContribute && (
        // The finder sits in the margin, after the outline and the text: this brings the
        // keyboard there at once (the skip link to the content, then this one).
        <a className="skip-link-inline" href={`#${FIND_PASSAGE_INPUT_ID}`}>
          {t("skipToFinder")}
        </a>
      )}
      {outline.length > 0 && (
        <nav aria-label={t("outline")} className="outline">
          <h2 className="outline-title">{t("outline")}</h2>
          <ol>
            {outline.map(({ block, index }) => (
              <li key={index}>
                <a href={`#p${index + 1}`}>{source.text.slice(block.start, block.end)}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="stack-small reader-main">
        <p>
          <Link href={`/workshops/${workshop.id}`}>{t("back")}</Link>
        </p>
        <header className="reader-header stack-small">
          <h1>{source.title}</h1>
          {byline.length > 0 && (
            <p className="meta">
              {byline.map((part) => (
                <span key={part}>{part}</span>
              ))}
            </p>
          )}
          <p className="export-links">
            {workshop.can["sources.revise"] && <Link href={`/workshops/${workshop.id}/sources/${source.id}/revise`}>{tRevise("link")}</Link>}
            <span>
              {tReader("export")}{" "}
              <a href={`/api/workshops/${workshop.id}/sources/${source.id}/annotations/export?format=csv`} download>
                {tReader("exportCsv")}
              </a>
              {", "}
              <a href={`/api/workshops/${workshop.id}/sources/${source.id}/annotations/export?format=jsonld`} download>
                {tReader("exportJsonLd")}
              </a>
            </span>
          </p>
          <ReaderMinimap paragraphs={coverage} reviewHref={`/workshops/${workshop.id}/review#coverage-${source.id}`} />
        </header>
        {/* A revision moves the annotations: a new revision starts the reader afresh. */}
        <SourceReader
          key={source.revision}
          workshopId={workshop.id}
          source={source}
          themes={themes}
          initialAnnotations={annotations}
          canContribute={canContribute}
          canModerate={workshop.can["content.moderate"]}
        />
      </div>
    </div>
  );
}
