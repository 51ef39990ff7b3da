"use client";

import { useTranslations } from "next-intl";
import { THEME_COLORS } from "@/lib/themes/palette";
import type { PresentedTheme } from "@/lib/themes/present";
import { SHOW_ALL, isShowingAll, type AnnotationFilter } from "./filter";

interface FilterBarProps {
  themes: PresentedTheme[];
  filter: AnnotationFilter;
  onChange: (filter: AnnotationFilter) => void;
}

/**
 * What the margin and the text show: theme chips (any of those chosen), annotations without a
 * theme, mine, those with replies, or all. Chips are checkboxes, so Tab and Space work and a
 * screen reader says which are on; the folded summary says what is shown.
 */
export function FilterBar({ themes, filter, onChange }: FilterBarProps) {
  const t = useTranslations("reader");
  const toggleTheme = (themeId: string) =>
    onChange({ ...filter, themeIds: filter.themeIds.includes(themeId) ? filter.themeIds.filter((id) => id !== themeId) : [...filter.themeIds, themeId] });

  const themeCount = filter.themeIds.filter((id) => themes.some((theme) => theme.id === id)).length + (filter.untagged ? 1 : 0);
  const summary = isShowingAll(filter)
    ? t("filterAll")
    : [themeCount > 0 && t("filterThemeCount", { count: themeCount }), filter.mine && t("filterMine"), filter.withReplies && t("filterReplies")].filter(Boolean).join(" · ");

  // Folded by default: the margin's tools stay short, so cards start near the top of the text.
  return (
    <details className="filter-details">
      <summary>
        {t("filter")}: <span className="filter-summary">{summary}</span>
      </summary>
      <fieldset className="filter-bar">
        <legend className="visually-hidden">{t("filter")}</legend>
        <button type="button" className="button button-small" aria-pressed={isShowingAll(filter)} onClick={() => onChange(SHOW_ALL)}>
          {t("filterAll")}
        </button>
        {themes.length > 0 && (
          <ul className="filter-chips" aria-label={t("filterThemes")}>
            {themes.map((theme) => (
              <li key={theme.id}>
                <label
                  className={`filter-chip${filter.themeIds.includes(theme.id) ? " filter-chip-on" : ""}`}
                  style={{ borderColor: THEME_COLORS[theme.color].strong, background: THEME_COLORS[theme.color].highlight }}
                >
                  <input type="checkbox" checked={filter.themeIds.includes(theme.id)} onChange={() => toggleTheme(theme.id)} />
                  <span>{theme.name}</span>
                </label>
              </li>
            ))}
            <li>
              <label className={`filter-chip filter-chip-untagged${filter.untagged ? " filter-chip-on" : ""}`}>
                <input type="checkbox" checked={filter.untagged} onChange={() => onChange({ ...filter, untagged: !filter.untagged })} />
                <span>{t("filterUntagged")}</span>
              </label>
            </li>
          </ul>
        )}
        <div className="filter-more">
          <label className="choice">
            <input type="checkbox" checked={filter.mine} onChange={() => onChange({ ...filter, mine: !filter.mine })} />
            <span>{t("filterMine")}</span>
          </label>
          <label className="choice">
            <input type="checkbox" checked={filter.withReplies} onChange={() => onChange({ ...filter, withReplies: !filter.withReplies })} />
            <span>{t("filterReplies")}</span>
          </label>
        </div>
      </fieldset>
    </details>
  );
}
