"use client";

import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { CONSENSUS_CLASSES, type ConsensusClass } from "@/lib/consensus/consensus";
import { consensusWording } from "@/lib/consensus/wording";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import type { PresentedTheme } from "@/lib/themes/present";
import { NO_FILTER, type BoardFilter } from "./board-order";

interface BoardFiltersProps {
  themes: PresentedTheme[];
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
  /** While stances are held there is no class to filter by. */
  isHeld: boolean;
}

/** The board's filters: ordinary form controls, applied as they change. */
export function BoardFilters({ themes, filter, onChange, isHeld }: BoardFiltersProps) {
  const t = useTranslations("lessons.filters");
  const locale = useLocale();
  const id = useId();
  const set = (change: Partial<BoardFilter>) => onChange({ ...filter, ...change });
  const isFiltered = filter.themeId !== "" || filter.consensus !== "" || filter.isMine || filter.hasNoEvidence;
  return (
    <form className="lesson-filters" role="search" aria-label={t("title")} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-theme`}>{t("theme")}</label>
        <select id={`${id}-theme`} value={filter.themeId} onChange={(event) => set({ themeId: event.target.value })}>
          <option value="">{t("anyTheme")}</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.name}
            </option>
          ))}
        </select>
      </div>
      {!isHeld && (
        <div className="field">
          <label htmlFor={`${id}-consensus`}>{t("consensus")}</label>
          <select id={`${id}-consensus`} value={filter.consensus} onChange={(event) => set({ consensus: event.target.value as ConsensusClass | "" })}>
            <option value="">{t("anyConsensus")}</option>
            {CONSENSUS_CLASSES.map((value) => (
              <option key={value} value={value}>
                {consensusWording(value, isLocale(locale) ? locale : DEFAULT_LOCALE).label}
              </option>
            ))}
          </select>
        </div>
      )}
      <label className="choice">
        <input type="checkbox" checked={filter.isMine} onChange={(event) => set({ isMine: event.target.checked })} />
        <span>{t("mine")}</span>
      </label>
      <label className="choice">
        <input type="checkbox" checked={filter.hasNoEvidence} onChange={(event) => set({ hasNoEvidence: event.target.checked })} />
        <span>{t("noEvidence")}</span>
      </label>
      {isFiltered && (
        <button type="button" className="button button-small" onClick={() => onChange(NO_FILTER)}>
          {t("reset")}
        </button>
      )}
    </form>
  );
}
