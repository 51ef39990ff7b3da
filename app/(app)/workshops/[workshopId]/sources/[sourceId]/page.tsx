import Link from "next/link";
import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-helpers";
import { getSource } from "@/lib/sources/get-source";
import { findSourceAnnotations } from "@/lib/annotations/find-source-annotations";
import { SourceReader } from "@/components/reader/SourceReader";

type Props = { params: Promise<{ workshopId: string; sourceId: string }> };

const load = cache(async (workshopId: string, sourceId: string) => {
  const viewer = await requireViewerOrRedirect(`/workshops/${workshopId}/sources/${sourceId}`);
  const reading = await orNotFound(getSource({ viewer, workshopId, sourceId }));
  const annotations = await findSourceAnnotations({ viewer, workshopId, sourceId });
  return { ...reading, annotations };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workshopId, sourceId } = await params;
  return { title: (await load(workshopId, sourceId)).source.title };
}

export default async function SourcePage({ params }: Props) {
  const { workshopId, sourceId } = await params;
  const { workshop, source, themes, annotations } = await load(workshopId, sourceId);
  const [t, tRevise] = await Promise.all([getTranslations("source"), getTranslations("revise")]);
  const outline = source.blocks.map((block, index) => ({ block, index })).filter(({ block }) => block.kind === "heading");
  return (
    <div className={outline.length > 0 ? "reader-layout" : undefined}>
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
      <div className="stack-small">
        <p>
          <Link href={`/workshops/${workshop.id}`}>{t("back")}</Link>
        </p>
        <header className="reader-header stack-small">
          <h1>{source.title}</h1>
          <p className="meta">
            {source.authors.length > 0 && <span>{source.authors.join(", ")}</span>}
            {source.publisher && <span>{source.publisher}</span>}
            {source.publishedOn && <span>{source.publishedOn}</span>}
          </p>
          {workshop.can["sources.revise"] && (
            <p>
              <Link href={`/workshops/${workshop.id}/sources/${source.id}/revise`}>{tRevise("link")}</Link>
            </p>
          )}
        </header>
        {/* A revision moves the annotations: a new revision starts the reader afresh. */}
        <SourceReader
          key={source.revision}
          workshopId={workshop.id}
          source={source}
          themes={themes}
          initialAnnotations={annotations}
          canContribute={workshop.can["content.contribute"]}
          canModerate={workshop.can["content.moderate"]}
        />
      </div>
    </div>
  );
}
