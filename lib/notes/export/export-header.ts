import { createFormatter, createTranslator } from "next-intl";
import type { Workshop } from "@/lib/generated/prisma/client";
import { methodsSentence } from "@/lib/consensus/wording";
import { thresholdsOf } from "@/lib/lessons/context";
import { loadMessages } from "@/i18n/messages";
import { LOCALES, type Locale } from "@/i18n/config";
import { noteWording } from "../note-wording";
import type { ExportHeader } from "./types";

type HeaderWorkshop = Pick<Workshop, "title" | "date" | "place" | "attribution" | "consensusThresholds">;

/** "June 13, 2024, New York", either part alone when the other is not set, or null. */
export function dateLine(workshop: Pick<Workshop, "date" | "place">, locale: Locale): string | null {
  // A workshop's date is a calendar day, stored as midnight UTC: formatted in UTC, as pages do.
  const date = workshop.date ? createFormatter({ locale }).dateTime(new Date(workshop.date), { dateStyle: "long", timeZone: "UTC" }) : null;
  return noteWording(locale).dateAndPlace(date, workshop.place) || null;
}

/** The note's opening paragraphs (before its first heading), as plain text with spaces folded. */
function openingLines(content: unknown): Set<string> {
  const lines = new Set<string>();
  const blocks = (content as { content?: unknown } | null)?.content;
  if (!Array.isArray(blocks)) return lines;
  const textOf = (node: unknown): string => {
    const { text, content: children } = (node ?? {}) as { text?: unknown; content?: unknown };
    return (typeof text === "string" ? text : "") + (Array.isArray(children) ? children.map(textOf).join("") : "");
  };
  for (const block of blocks) {
    if ((block as { type?: unknown })?.type === "heading") break;
    const line = fold(textOf(block));
    if (line) lines.add(line);
  }
  return lines;
}

const fold = (value: string) => value.replace(/\s+/g, " ").trim();

/**
 * What every export says around the note, in the reader's language: title, date and place, the
 * rule statement (the workshop's attribution setting, worded as the note template words it), the
 * methods sentence from the thresholds in force when asked for, and the labels of the notes.
 *
 * A note started from the template already opens with its date-and-place line and rule statement
 * (in the workshop's language, which may not be the reader's): when its opening paragraphs hold
 * them, in any language, the header leaves them to the note rather than saying them twice.
 */
export function exportHeader(
  workshop: HeaderWorkshop,
  { locale, methods, content }: { locale: Locale; methods: boolean; content: unknown },
): ExportHeader {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "note.export" });
  const opening = openingLines(content);
  const inNote = (wordingIn: (language: Locale) => string | null) => LOCALES.some((language) => opening.has(fold(wordingIn(language) ?? "")));
  const ruleIn = (language: Locale) => (workshop.attribution === "CHATHAM_HOUSE" ? noteWording(language).chathamHouse : noteWording(language).attributed);
  return {
    title: t("title", { workshop: workshop.title }),
    dateLine: inNote((language) => dateLine(workshop, language)) ? null : dateLine(workshop, locale),
    rule: inNote(ruleIn) ? null : ruleIn(locale),
    methods: methods ? methodsSentence(locale, thresholdsOf(workshop)) : null,
    language: locale,
    labels: {
      notes: t("notes"),
      methods: t("methods"),
      flagged: t("flagged"),
      // Raw: the renderers put the words in (they must not be read as message syntax).
      quoted: t.raw("quoted") as string,
      backToText: t.raw("backToText") as string,
    },
  };
}
