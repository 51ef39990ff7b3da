// Not "server-only": the note store calls it from the socket server, outside Next's bundler.
import { getSchema, type JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { getPrisma } from "@/lib/db";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/config";
import type { AttributionRule } from "@/lib/generated/prisma/enums";
import { noteContentExtensions } from "./editor-extensions";
import { noteWording } from "./note-wording";
import { NOTE_FRAGMENT } from "./schema";

const schema = getSchema(noteContentExtensions());

export interface TemplateInput {
  date: Date | null;
  place: string;
  attribution: AttributionRule;
  /** Theme names in codebook order. */
  themes: readonly string[];
}

const heading = (text: string): JSONContent => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const paragraph = (text?: string, italic = false): JSONContent =>
  text ? { type: "paragraph", content: [{ type: "text", text, ...(italic ? { marks: [{ type: "italic" }] } : {}) }] } : { type: "paragraph" };

/**
 * The note a workshop starts from, as editor JSON, in the corpus meeting note's shape: a date-
 * and-place line, the rule statement, "Introduction", one section per theme in codebook order
 * (a level-2 heading with the theme's name, as "Add a section per theme" makes them), and
 * "Conclusion", each section with an empty paragraph to write in.
 *
 * The title is not part of the body: it is the workshop's title, shown above the editor and
 * given as the H1 of every export (renaming the workshop renames the note; nothing is repeated).
 */
export function noteTemplate({ date, place, attribution, themes }: TemplateInput, locale: Locale): JSONContent {
  const words = noteWording(locale);
  const day = date ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date) : null;
  const dateAndPlace = words.dateAndPlace(day, place);
  return {
    type: "doc",
    content: [
      ...(dateAndPlace ? [paragraph(dateAndPlace, true)] : []),
      paragraph(attribution === "CHATHAM_HOUSE" ? words.chathamHouse : words.attributed, true),
      heading(words.introduction),
      paragraph(),
      ...themes.flatMap((theme) => [heading(theme), paragraph()]),
      heading(words.conclusion),
      paragraph(),
    ],
  };
}

/** Editor JSON as the Yjs state of a note (the fragment the editor binds to). */
export function noteStateFromJSON(content: JSONContent): Uint8Array {
  return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema, content, NOTE_FRAGMENT));
}

/**
 * The state a new note starts from: the template (noteTemplate) for the workshop as it is now.
 * In `locale` when given, else in the language the workshop's organizers chose for themselves
 * (the most common), else the default. Two small queries and no lock: the note store calls it
 * once, when it creates the note's row.
 */
export async function initialNoteState(workshopId: string, { locale }: { locale?: Locale } = {}): Promise<Uint8Array> {
  const db = await getPrisma();
  const [workshop, themes, organizers] = await Promise.all([
    db.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { date: true, place: true, attribution: true } }),
    db.theme.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { name: true } }),
    locale ? Promise.resolve([]) : db.membership.findMany({ where: { workshopId, role: "ORGANIZER" }, select: { user: { select: { locale: true } } } }),
  ]);
  const language = locale ?? mostCommonLocale(organizers.map((organizer) => organizer.user.locale));
  return noteStateFromJSON(noteTemplate({ ...workshop, themes: themes.map((theme) => theme.name) }, language));
}

function mostCommonLocale(locales: ReadonlyArray<string | null>): Locale {
  const counts = new Map<Locale, number>();
  for (const locale of locales) if (isLocale(locale)) counts.set(locale, (counts.get(locale) ?? 0) + 1);
  let best: Locale = DEFAULT_LOCALE;
  for (const [locale, count] of counts) if (count > (counts.get(best) ?? 0)) best = locale;
  return best;
}
