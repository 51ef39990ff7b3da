import { getTranslations } from "next-intl/server";
import type { PresentedTheme } from "@/lib/themes/present";

/** Narrows coverage to one theme: a plain GET form, so it works from the keyboard and without script. */
export async function CoverageFilter({ themes, themeId }: { themes: readonly Pick<PresentedTheme, "id" | "name">[]; themeId: string | null }) {
  const t = await getTranslations("review");
  return (
    <form method="get" action="#review-coverage" className="review-filter">
      <label htmlFor="review-theme-filter">{t("filterLabel")}</label>
      <select id="review-theme-filter" name="theme" defaultValue={themeId ?? ""}>
        <option value="">{t("allThemes")}</option>
        {themes.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {theme.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        {t("filter")}
      </button>
    </form>
  );
}
