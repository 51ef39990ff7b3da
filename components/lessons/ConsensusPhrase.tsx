"use client";

import { useLocale, useTranslations } from "next-intl";
import { consensusWording } from "@/lib/consensus/wording";
import { isLocale, DEFAULT_LOCALE } from "@/i18n/config";
import type { Lesson } from "./types";

/**
 * How widely a lesson is shared: the phrase, with the counts when the server gives them and,
 * when it does not, why; while stances are held, only the viewer's own stance.
 */
export function ConsensusPhrase({ lesson, id }: { lesson: Lesson; id: string }) {
  const t = useTranslations("lessons");
  const locale = useLocale();
  const { consensus } = lesson;
  return (
    <div className="lesson-consensus" id={id}>
      {consensus ? (
        <>
          <p className="lesson-phrase">
            <span className="visually-hidden">{t("consensusLabel")}: </span>
            <span data-testid="lesson-phrase">{consensusWording(consensus.consensus, isLocale(locale) ? locale : DEFAULT_LOCALE).label}</span>
          </p>
          <p className="hint">{consensus.counts ? t("counts", consensus.counts) : t("countsWithheld")}</p>
        </>
      ) : (
        <p className="lesson-phrase lesson-phrase-held">
          <span className="visually-hidden">{t("consensusLabel")}: </span>
          <span data-testid="lesson-phrase">{t("heldShort")}</span>
        </p>
      )}
      {!consensus && <p className="hint">{t("myStance", { stance: lesson.myStance ?? "none" })}</p>}
    </div>
  );
}
