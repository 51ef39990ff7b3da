import type { JSONContent } from "@tiptap/core";
import type { ResolvedFootnote } from "../references";

/** The application, the only "author" any export names. */
export const APP = "Rapporteur";

/** What an export says around the note's own text, in the reader's language. */
export interface ExportHeader {
  /** The note's title (also the file's title metadata). */
  title: string;
  /** The workshop's date and place ("13 June 2024, New York"), or null when neither is set. */
  dateLine: string | null;
  /** The statement of the rule the meeting was held under, or null. */
  rule: string | null;
  /** The consensus methods sentence when asked for (?methods=1), else null. */
  methods: string | null;
  /** BCP 47 language of the export. */
  language: string;
  labels: ExportLabels;
}

export interface ExportLabels {
  /** The endnotes' heading ("Notes"). */
  notes: string;
  /** The methods paragraph's heading ("Methods"). */
  methods: string;
  /** The mark on a footnote whose passage no longer stands in its source. */
  flagged: string;
  /** The quoted passage as a footnote adds it, with `{quote}` for the words. */
  quoted: string;
  /** The HTML back link's accessible name, with `{number}`. */
  backToText: string;
}

/** A resolved note as the exports take it (../resolve-note.ts `ResolvedNote`). */
export interface ExportNote {
  doc: JSONContent | null | undefined;
  footnotes: readonly ResolvedFootnote[];
}

/** A footnote's parts as every format lays them out: citation, then quote, then the flag. */
export interface FootnoteParts {
  number: number;
  text: string;
  /** The quoted passage, already in quotation marks, or null. */
  quote: string | null;
  /** The "no longer in the source" mark, or null. */
  flag: string | null;
}

const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

/** The footnotes in number order, one entry per number, with their parts in words. */
export function footnoteParts(footnotes: readonly ResolvedFootnote[], labels: ExportLabels): FootnoteParts[] {
  const byNumber = new Map<number, ResolvedFootnote>();
  for (const footnote of footnotes) if (!byNumber.has(footnote.number)) byNumber.set(footnote.number, footnote);
  return [...byNumber.values()]
    .sort((a, b) => a.number - b.number)
    .map((footnote) => ({
      number: footnote.number,
      // One line each: a footnote is one paragraph in every format (a Markdown definition ends at a line break).
      text: oneLine(footnote.text),
      quote: footnote.quote ? labels.quoted.replace("{quote}", () => oneLine(footnote.quote ?? "")) : null,
      flag: footnote.flagged ? labels.flagged : null,
    }));
}

/** A footnote as one line of plain text. */
export function footnoteLine(parts: FootnoteParts): string {
  return [parts.text, parts.quote, parts.flag].filter(Boolean).join(" ");
}
