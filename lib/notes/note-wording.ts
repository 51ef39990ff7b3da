import type { Locale } from "@/i18n/config";

/**
 * Words the note itself contains in the workshop's language, outside next-intl because they are
 * made on the server (template, exports) and in the editor alike: the placeholders the resolver
 * shows for a reference it cannot resolve, and the template's fixed lines. In the register of the
 * corpus meeting note.
 */
export interface NoteWording {
  /** A lesson reference while stances are held (the phrase would tell the counts). */
  heldLead: string;
  /** A lesson reference whose lesson is gone or hidden from this reader. */
  missingLead: string;
  /** A footnote whose passage is unknown (deleted, or not visible). */
  missingPassage: string;
  introduction: string;
  conclusion: string;
  /** The rule statement of a meeting held under the Chatham House Rule. */
  chathamHouse: string;
  /** The rule statement of a meeting whose contributions are attributed. */
  attributed: string;
  /** The date-and-place line, e.g. "June 13, 2024, New York" (empty when neither is known). */
  dateAndPlace: (date: string | null, place: string | null) => string;
}

function joinLine(date: string | null, place: string | null): string {
  return [date, place].filter((part): part is string => Boolean(part && part.trim())).join(", ");
}

const WORDING: Record<Locale, NoteWording> = {
  en: {
    heldLead: "[consensus held until stances are revealed]",
    missingLead: "[lesson no longer available]",
    missingPassage: "[passage no longer available]",
    introduction: "Introduction",
    conclusion: "Conclusion",
    chathamHouse:
      "This meeting note summarizes the main points raised in the discussion under the Chatham House Rule of non-attribution and does not necessarily represent the views of all participants.",
    attributed: "This meeting note summarizes the main points raised in the discussion and does not necessarily represent the views of all participants.",
    dateAndPlace: joinLine,
  },
  fr: {
    heldLead: "[consensus réservé jusqu’à la révélation des prises de position]",
    missingLead: "[leçon qui n’est plus disponible]",
    missingPassage: "[passage qui n’est plus disponible]",
    introduction: "Introduction",
    conclusion: "Conclusion",
    chathamHouse:
      "Cette note de réunion résume les principaux points soulevés lors de la discussion, tenue selon la règle de Chatham House de non-attribution, et ne reflète pas nécessairement les vues de tous les participants.",
    attributed: "Cette note de réunion résume les principaux points soulevés lors de la discussion et ne reflète pas nécessairement les vues de tous les participants.",
    dateAndPlace: joinLine,
  },
};

export function noteWording(locale: Locale): NoteWording {
  return WORDING[locale];
}
