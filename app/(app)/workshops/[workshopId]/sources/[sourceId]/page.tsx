import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-helpers";
import { getSource } from "@/lib/sources/get-source";
import { splitIntoBlocks, splitInline, type SourceBlock } from "@/lib/sources/blocks";

type Props = { params: Promise<{ workshopId: string; sourceId: string }> };

async function load(params: Props["params"]) {
  const { workshopId, sourceId } = await params;
  const viewer = await requireViewerOrRedirect(`/workshops/${workshopId}/sources/${sourceId}`);
  return orNotFound(getSource({ viewer, workshopId, sourceId }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params)).source.title };
}

function Inline({ text }: { text: string }) {
  return splitInline(text).map((part, index) =>
    part.kind === "sup" ? <sup key={index}>{part.text}</sup> : part.kind === "strong" ? <strong key={index}>{part.text}</strong> : part.text,
  );
}

function Block({ block, index }: { block: SourceBlock; index: number }) {
  const id = `p${index + 1}`;
  if (block.kind === "heading") {
    const Heading = `h${block.level}` as "h2";
    return (
      <Heading id={id}>
        <Inline text={block.text} />
      </Heading>
    );
  }
  return (
    <p id={id}>
      <Inline text={block.text} />
    </p>
  );
}

export default async function SourcePage({ params }: Props) {
  const { workshop, source } = await load(params);
  const t = await getTranslations("source");
  const blocks = splitIntoBlocks(source.text, source.format);
  const outline = blocks.map((block, index) => ({ block, index })).filter(({ block }) => block.kind === "heading");
  return (
    <div className="reader-layout">
      {outline.length > 0 && (
        <nav aria-label={t("outline")} className="outline">
          <h2 className="outline-title">{t("outline")}</h2>
          <ol>
            {outline.map(({ block, index }) => (
              <li key={index}>
                <a href={`#p${index + 1}`}>{block.text}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <article className="reader stack-small" lang="en">
        <p>
          <Link href={`/workshops/${workshop.id}`}>{t("back")}</Link>
        </p>
        <h1>{source.title}</h1>
        <p className="meta">
          {source.authors.length > 0 && <span>{source.authors.join(", ")}</span>}
          {source.publisher && <span>{source.publisher}</span>}
          {source.publishedOn && <span>{source.publishedOn}</span>}
        </p>
        {blocks.map((block, index) => (
          <Block key={index} block={block} index={index} />
        ))}
      </article>
    </div>
  );
}
