/**
 * Speaker phrases: wording that says who spoke or which side they speak for ("my delegation",
 * "as I said", "the ambassador of …", "au nom de …"), English and French. A reviewed list: each
 * pattern has tests in phrases.test.ts, in both languages, for what it flags and what it leaves.
 *
 * Decisions, documented here and tested:
 * - "the ambassador", "the minister", "a delegate" alone are NOT flagged: notes speak of roles in
 *   general ("the role of the ambassador"). They are flagged when tied to a country, an
 *   organisation or a person: "the ambassador of X", "the French delegation", "Ambassador Smith".
 * - "our" is flagged only before nouns that name a speaker's side (delegation, ministry,
 *   government…), not "our discussion".
 * - Patterns run on text with accents stripped (normalize.ts), so "délégation" and "delegation",
 *   "l'ambassadeur" and "l’ambassadeur" are one.
 */

export interface PhrasePattern {
  id: string;
  /** Matched against the folded text: `lower` (case-insensitive) or `cased` (looks at capitals). */
  on: "lower" | "cased";
  pattern: RegExp;
}

// Word boundaries that also hold for letters outside ASCII (\b does not).
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
const S = "[\\s\\u00a0]+";
/** One following word (a country, an organisation, a name), apostrophes and hyphens included. */
const WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*";
/** A capitalized word (a proper name). */
const NAME = "\\p{Lu}[\\p{L}'-]+";

const SIDE_NOUNS_EN = "delegation|government|ministry|mission|embassy|agency|organi[sz]ation|department|capital|administration|authorities|president|prime minister|minister|country|state|office";
const SIDE_NOUNS_FR_F = "delegation|mission|ambassade|organisation|agence|institution|capitale|administration|direction|presidente|ministre";
const SIDE_NOUNS_FR_M = "gouvernement|ministere|pays|bureau|departement|service|president|ministre|etat";
const ROLES_EN = "ambassador|representative|permanent representative|delegate|envoy|special envoy|minister|spokesperson|spokesman|spokeswoman|head of delegation|head of mission|delegation|foreign minister|defence minister|defense minister";
const ROLES_FR = "ambassadeur|ambassadrice|representant|representante|representant permanent|delegue|deleguee|envoye|envoyee|ministre|porte-parole|chef de la delegation|chef de delegation|chef de mission";
const SPEAKERS_EN = "participant|speaker|delegate|expert|discussant|panell?ist|attendee|official|colleague|representative";
const SPEAKERS_FR = "participant|participante|intervenant|intervenante|orateur|oratrice|delegue|deleguee|expert|experte|fonctionnaire|representant|representante|collegue";
const TITLES_EN = "Ambassador|Minister|General|Colonel|Major|Captain|Admiral|Dr\\.?|Mr\\.?|Mrs\\.?|Ms\\.?|Professor|Prof\\.?|Judge|Senator|Secretary";
const TITLES_FR = "M\\.|Mme\\.?|Mlle\\.?|Monsieur|Madame|Mademoiselle|l'[Aa]mbassadeur|l'[Aa]mbassadrice|le [Mm]inistre|la [Mm]inistre|le [Gg]eneral|la [Gg]enerale|le [Cc]olonel|la [Cc]olonelle|le [Dd]octeur|la [Dd]octoresse|le [Pp]rofesseur|la [Pp]rofesseure|le [Jj]uge|la [Jj]uge";
const NATIONALITY_FR = "\\p{L}+(?:aise|ais|ienne|ien|enne|aine|ain|ane|an|ande|and|oise|ois|ique|ise|ine|in|e)";
const OF_FR = "(?:de la|de l'|du|des|de|d')";
const SAID_EN = "said|mentioned|noted|stated|explained|argued|pointed out|indicated|stressed|emphasi[sz]ed|suggested|put it";
const SAID_FR = "dit|mentionne|indique|souligne|explique|note|rappele|precise|evoque|affirme";

function pattern(id: string, on: PhrasePattern["on"], source: string): PhrasePattern {
  return { id, on, pattern: new RegExp(`${B}(?:${source})${E}`, "gu") };
}

export const PHRASE_PATTERNS: readonly PhrasePattern[] = [
  // ---------- English ----------
  pattern("en.my-side", "lower", `my${S}(?:own${S})?(?:${SIDE_NOUNS_EN}|team|colleagues|institution|organisation|side)`),
  pattern("en.our-side", "lower", `our${S}(?:own${S})?(?:${SIDE_NOUNS_EN})`),
  pattern("en.as-i-said", "lower", `(?:as|like)${S}i(?:${S}have|'ve|${S}had)?${S}(?:already${S}|just${S})?(?:${SAID_EN})`),
  pattern("en.in-my-capacity", "lower", `in${S}my${S}(?:capacity|role|position)${S}as`),
  pattern("en.speaking-for", "lower", `speaking${S}(?:for|as|on${S}behalf${S}of)${S}(?:the${S}|my${S}|our${S})?${WORD}`),
  pattern("en.on-behalf-of", "lower", `on${S}behalf${S}of${S}(?:the${S}|my${S}|our${S}|his${S}|her${S}|their${S})?${WORD}`),
  pattern("en.role-of", "lower", `the${S}(?:${ROLES_EN})${S}(?:of|from|for)${S}(?:the${S})?${WORD}`),
  pattern("en.role-of-name", "cased", `[Tt]he${S}(?:${NAME}${S})(?:delegation|ambassador|representative|delegate|envoy|minister|government|mission|embassy|side)`),
  pattern("en.speaker-from", "cased", `(?:[Aa]n?|[Oo]ne|[Tt]he|[Aa]nother)${S}(?:${SPEAKERS_EN})${S}(?:from|of|representing|with)${S}(?:the${S})?${NAME}`),
  pattern("en.title-name", "cased", `(?:${TITLES_EN})${S}${NAME}`),
  // ---------- French ----------
  pattern("fr.ma-side", "lower", `(?:ma|notre)${S}(?:propre${S})?(?:${SIDE_NOUNS_FR_F})`),
  pattern("fr.mon-side", "lower", `(?:mon|notre)${S}(?:propre${S})?(?:${SIDE_NOUNS_FR_M})`),
  pattern("fr.comme-je-l-ai-dit", "lower", `comme${S}je${S}(?:l'ai|le${S}disais|le${S}rappelais|l'avais)(?:${S}(?:deja|dit))?(?:${S}(?:${SAID_FR}))?`),
  pattern("fr.en-ma-qualite", "lower", `en${S}(?:ma${S}qualite${S}de|tant${S}que${S}(?:representant|representante|delegue|deleguee|ambassadeur|ambassadrice|ministre))`),
  pattern("fr.role-de", "lower", `(?:l'|le${S}|la${S})(?:${ROLES_FR})${S}${OF_FR}(?:${S})?${WORD}`),
  // "la délégation de pouvoirs" is French for delegating powers: only a proper name after "de" counts.
  pattern("fr.delegation-de", "cased", `[Ll]a${S}[Dd]elegation${S}(?:de${S}la${S}|de${S}l'|du${S}|des${S}|de${S}|d')${NAME}`),
  pattern("fr.delegation-nationale", "lower", `la${S}delegation${S}(?!de${E}|du${E}|des${E}|d')${NATIONALITY_FR}`),
  pattern("fr.au-nom-de", "lower", `au${S}nom${S}${OF_FR}(?:${S})?(?:(?:la|ma|notre|mon|son|sa|leur)${S})?${WORD}`),
  pattern("fr.parlant-pour", "lower", `(?:parlant|s'exprimant|intervenant)${S}(?:pour|en${S}tant${S}que|au${S}nom${S}${OF_FR})(?:${S})?${WORD}`),
  pattern("fr.speaker-de", "cased", `(?:[Uu]ne?|[Ll]e|[Ll]a|[Ll]'|[Uu]n${S}autre|[Uu]ne${S}autre)(?:${S})?(?:${SPEAKERS_FR})${S}(?:de${S}la|de${S}l'|du|des|de|d'|representant)(?:${S})?${NAME}`),
  pattern("fr.title-name", "cased", `(?:${TITLES_FR})${S}${NAME}`),
];

export interface PhraseMatch {
  id: string;
  /** Range in the folded text. */
  from: number;
  to: number;
}

/** The speaker phrases in one folded text block. */
export function findPhraseMatches(folded: { lower: string; cased: string }): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  for (const { id, on, pattern } of PHRASE_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of folded[on].matchAll(pattern)) matches.push({ id, from: match.index, to: match.index + match[0].length });
  }
  return matches;
}
