import { parseMarkup } from "./markup";

/** The columns of a stored source that its reading text depends on. */
export type StoredSourceText = { markup: string; text: string; format: string };

/**
 * Whether a stored source's text, as the reader derives it from its markup today, differs from
 * the `text` stored with it (the text its annotations' offsets and quotes were taken from).
 * True for sources stored before a change of the parser whose markup uses what the change
 * reads differently: since lists, block quotes and links, for instance, an HTML import with a
 * list (`- item` loses its marker) or Markdown with a link. Such a source needs its text stored
 * again and its annotations re-anchored before the reader shows it.
 */
export function hasDerivedTextChanged(source: StoredSourceText): boolean {
  // The same derivation as the reader's (lib/sources/present.ts), old rows without markup included.
  return parseMarkup(source.markup || source.text, source.format).text !== source.text;
}
