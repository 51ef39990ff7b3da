import type { Locale } from "@/i18n/config";
import { DEFAULT_THRESHOLDS, type ConsensusClass, type ConsensusThresholds } from "./consensus";

/**
 * The words for each class: `label` for the board ("A few participants"), `lead` to open a
 * sentence of the meeting note ("A few participants noted that"), in the register of the corpus
 * note. French follows the same conventions.
 */
const WORDING: Record<Locale, Record<ConsensusClass, { label: string; lead: string }>> = {
  en: {
    none: { label: "No stance yet", lead: "It was suggested that" },
    one: { label: "One participant", lead: "One participant noted that" },
    few: { label: "A few participants", lead: "A few participants noted that" },
    several: { label: "Several participants", lead: "Several participants noted that" },
    many: { label: "Many participants", lead: "Many participants noted that" },
    general: { label: "Participants generally agreed", lead: "Participants generally agreed that" },
    diverged: { label: "Views diverged", lead: "Views diverged on whether" },
    questioned: { label: "Questioned", lead: "It was questioned whether" },
  },
  fr: {
    none: { label: "Aucune prise de position", lead: "Il a été suggéré que" },
    one: { label: "Un participant", lead: "Un participant a noté que" },
    few: { label: "Quelques participants", lead: "Quelques participants ont noté que" },
    several: { label: "Plusieurs participants", lead: "Plusieurs participants ont noté que" },
    many: { label: "De nombreux participants", lead: "De nombreux participants ont noté que" },
    general: { label: "Accord général des participants", lead: "Les participants se sont généralement accordés sur le fait que" },
    diverged: { label: "Avis partagés", lead: "Les avis ont divergé sur la question de savoir si" },
    questioned: { label: "Contesté", lead: "Il a été mis en doute que" },
  },
};

export function consensusWording(consensus: ConsensusClass, locale: Locale): { label: string; lead: string } {
  return WORDING[locale][consensus];
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The methods sentence a note can carry, generated from the thresholds in force, so that what
 * the words mean is stated exactly once and always matches what the board computed.
 */
export function methodsSentence(locale: Locale, thresholds: ConsensusThresholds = DEFAULT_THRESHOLDS): string {
  const { fewMax, manyShare, generalShare, generalMaxDisputeShare, divergedRatio } = thresholds;
  const ratio = `1/${Math.round(1 / divergedRatio)}`;
  if (locale === "fr") {
    return (
      `« Les participants se sont généralement accordés » signifie qu’au moins ${percent(generalShare)} des membres pouvant prendre position ont approuvé et au plus ${percent(generalMaxDisputeShare)} ont contesté ; ` +
      `« de nombreux participants », au moins ${percent(manyShare)} ; « plusieurs », plus de ${fewMax} mais moins de ${percent(manyShare)} ; « quelques », 2 à ${fewMax} ; « un participant », un seul. ` +
      `« Les avis ont divergé » lorsque le camp le plus petit atteignait au moins ${ratio} du plus grand ; « il a été mis en doute » lorsque les contestations dépassaient les approbations plus de ${Math.round(1 / divergedRatio)} fois.`
    );
  }
  return (
    `“Participants generally agreed” means at least ${percent(generalShare)} of the members who could take a stance endorsed the point and at most ${percent(generalMaxDisputeShare)} disputed it; ` +
    `“many participants”, at least ${percent(manyShare)}; “several”, more than ${fewMax} but under ${percent(manyShare)}; “a few”, 2 to ${fewMax}; “one participant”, a single one. ` +
    `“Views diverged” when the smaller side was at least ${ratio} of the larger; “it was questioned” when disputes outnumbered endorsements more than ${Math.round(1 / divergedRatio)} to one.`
  );
}
