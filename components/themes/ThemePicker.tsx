"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { THEME_COLORS, type ThemeColor } from "@/lib/themes/palette";

/** Past this many themes the picker offers a box to narrow the list by name. */
const FILTER_FROM = 9;

interface ThemePickerProps {
  themes: readonly { id: string; name: string; description?: string; color: ThemeColor }[];
  value: readonly string[];
  onChange: (themeIds: string[]) => void;
  /** The group's legend; "Themes" when not given. */
  legend?: string;
}

/**
 * Tags something with themes of the codebook: a group of checkboxes, each with its theme's
 * colour, operable with Tab and Space like any checkbox. Long codebooks get a box that narrows
 * the list by name (chosen themes always stay listed) and a scrolling list.
 */
export function ThemePicker({ themes, value, onChange, legend }: ThemePickerProps) {
  const t = useTranslations("reader.themePicker");
  const id = useId();
  const [query, setQuery] = useState("");
  if (themes.length === 0) return null;

  const needle = query.trim().toLocaleLowerCase();
  const listed = needle ? themes.filter((theme) => value.includes(theme.id) || theme.name.toLocaleLowerCase().includes(needle)) : themes;
  const toggle = (themeId: string) => onChange(value.includes(themeId) ? value.filter((other) => other !== themeId) : [...value, themeId]);

  return (
    <fieldset className="field theme-picker">
      <legend>{legend ?? t("legend")}</legend>
      {themes.length >= FILTER_FROM && (
        <div className="theme-picker-filter">
          <label htmlFor={`${id}-filter`} className="visually-hidden">
            {t("filterLabel")}
          </label>
          <input id={`${id}-filter`} type="search" value={query} placeholder={t("filterPlaceholder")} onChange={(event) => setQuery(event.target.value)} />
        </div>
      )}
      <ul className={`theme-picker-list${themes.length >= FILTER_FROM ? " theme-picker-long" : ""}`}>
        {listed.map((theme) => (
          <li key={theme.id}>
            <label className="choice theme-choice" title={theme.description || undefined}>
              <input type="checkbox" checked={value.includes(theme.id)} onChange={() => toggle(theme.id)} />
              <span className="swatch" style={{ background: THEME_COLORS[theme.color].highlight, borderColor: THEME_COLORS[theme.color].strong }} aria-hidden="true" />
              <span>{theme.name}</span>
            </label>
          </li>
        ))}
      </ul>
      {listed.length === 0 && <p className="hint">{t("noMatch")}</p>}
      {themes.length >= FILTER_FROM && <p className="hint">{t("chosen", { count: value.length })}</p>}
    </fieldset>
  );
}
