import { getTranslations } from "next-intl/server";
import { MAX_SEARCH_QUERY_LENGTH, SEARCH_KINDS } from "@/lib/search/schemas";

interface Option {
  id: string;
  name: string;
}

/** The full search form (a plain GET form: it works without script, and the address is the search). */
export async function SearchForm({
  workshopId,
  values,
  themes,
  sources,
}: {
  workshopId: string;
  values: { q?: string; kind?: string; themeId?: string; sourceId?: string };
  themes: Option[];
  sources: Option[];
}) {
  const t = await getTranslations("search");
  return (
    <form role="search" action={`/workshops/${workshopId}/search`} method="get" className="stack-small" aria-label={t("label")}>
      <div className="field">
        <label htmlFor="search-q">{t("query")}</label>
        <input id="search-q" name="q" type="search" maxLength={MAX_SEARCH_QUERY_LENGTH} defaultValue={values.q ?? ""} aria-describedby="search-hint" />
        <p id="search-hint" className="meta">
          {t("hint")}
        </p>
      </div>
      <div className="field-row align-end">
        <div className="field">
          <label htmlFor="search-kind">{t("kind")}</label>
          <select id="search-kind" name="kind" defaultValue={values.kind ?? ""}>
            <option value="">{t("anyKind")}</option>
            {SEARCH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-theme">{t("theme")}</label>
          <select id="search-theme" name="themeId" defaultValue={values.themeId ?? ""}>
            <option value="">{t("anyTheme")}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-source">{t("source")}</label>
          <select id="search-source" name="sourceId" defaultValue={values.sourceId ?? ""}>
            <option value="">{t("anySource")}</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary">
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
