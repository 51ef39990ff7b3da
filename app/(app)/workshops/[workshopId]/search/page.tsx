import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { searchWorkshop } from "@/lib/search/search-workshop";
import { searchQueryFromParams } from "@/lib/search/query-params";
import type { SearchResponse } from "@/lib/search/schemas";
import { SearchForm } from "@/components/search/SearchForm";
import { SearchResults } from "@/components/search/SearchResults";
import { loadWorkshop } from "../_data";

type Props = { params: Promise<{ workshopId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

/** Search results: /workshops/:id/search?q=…&kind=…&themeId=…&sourceId=… (no query: the form alone). */
export default async function SearchPage({ params, searchParams }: Props) {
  const { viewer, workshop, themes, sources } = await loadWorkshop((await params).workshopId);
  const raw = await searchParams;
  const query = searchQueryFromParams((name) => (typeof raw[name] === "string" ? raw[name] : undefined));
  const [t, tErrors] = await Promise.all([getTranslations("search"), getTranslations("errors")]);
  let response: SearchResponse | null = null;
  let error: string | null = null;
  if (query.q !== undefined) {
    try {
      response = await searchWorkshop({ viewer, workshopId: workshop.id, query });
    } catch (caught) {
      if (!isAppError(caught) || caught.code !== "BAD_REQUEST") throw caught;
      error = tErrors(tErrors.has(caught.messageKey) ? (caught.messageKey as "generic") : "generic");
    }
  }
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <SearchForm
        workshopId={workshop.id}
        values={query}
        themes={themes.map((theme) => ({ id: theme.id, name: theme.name }))}
        sources={sources.map((source) => ({ id: source.id, name: source.title }))}
      />
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {response && <SearchResults groups={response.groups} />}
    </div>
  );
}
