import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SearchGroup, SnippetSegment } from "@/lib/search/schemas";

/** Snippet text, matched words in <mark>: rendered as React text, never as HTML. */
function Segments({ segments }: { segments: SnippetSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => (segment.marked ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </>
  );
}

/** The results of a search, one section per kind, each result linking to where it lives. */
export async function SearchResults({ groups }: { groups: SearchGroup[] }) {
  const t = await getTranslations("search");
  const found = groups.filter((group) => group.results.length > 0);
  if (found.length === 0) return <p role="status">{t("noResults")}</p>;
  return (
    <div className="stack">
      <p role="status" className="visually-hidden">
        {t("found")}
      </p>
      {found.map((group) => (
        <section key={group.kind} className="stack-small" aria-labelledby={`results-${group.kind}`}>
          <h2 id={`results-${group.kind}`}>{t(`kinds.${group.kind}`)}</h2>
          <ol className="card-list search-results">
            {group.results.map((result) => (
              <li key={result.id} className="card stack-small">
                <Link href={result.href} className="search-result-title">
                  {result.title.length > 0 ? <Segments segments={result.title} /> : t(`kinds.${result.kind}`)}
                </Link>
                {result.snippet.length > 0 && (
                  <p className="search-snippet">
                    <Segments segments={result.snippet} />
                  </p>
                )}
                {(result.mine || result.isHidden) && (
                  <p className="meta">
                    {result.mine && <span>{t("mine")}</span>}
                    {result.isHidden && <span>{t("hidden")}</span>}
                  </p>
                )}
              </li>
            ))}
          </ol>
          {group.hasMore && <p className="meta">{t("more")}</p>}
        </section>
      ))}
    </div>
  );
}
