import { z } from "zod";
import { IMPORT_FORMATS, MAX_SOURCE_CHARS } from "./import/import-errors";
import { SOURCE_TITLE_MAX } from "./limits";

export { SOURCE_TITLE_MAX };
export const AUTHORS_MAX = 20;
export const AUTHOR_MAX = 200;
export const CITATION_FIELD_MAX = 300;
export const PUBLISHED_ON_MAX = 100;

/** Authors arrive as one form field ("A, B" or one per line) or as a list. */
const ZAuthors = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(/[,\n]/)
          .map((author) => author.trim())
          .filter(Boolean)
      : value,
  z.array(z.string().trim().min(1).max(AUTHOR_MAX, "authorTooLong")).max(AUTHORS_MAX, "authorsTooMany").default([]),
);

const ZHttpUrl = z
  .string()
  .trim()
  .max(2000, "urlInvalid")
  .refine((value) => {
    if (!value) return true;
    try {
      return ["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "urlInvalid")
  .default("");

/** A source's citation: what the reader header and footnotes show. */
export const ZSourceCitation = z.object({
  title: z.string().trim().min(1, "sourceTitleRequired").max(SOURCE_TITLE_MAX, "sourceTitleTooLong"),
  authors: ZAuthors,
  publisher: z.string().trim().max(CITATION_FIELD_MAX, "publisherTooLong").default(""),
  publishedOn: z.string().trim().max(PUBLISHED_ON_MAX, "publishedOnTooLong").default(""),
  url: ZHttpUrl,
  shortCitation: z.string().trim().max(CITATION_FIELD_MAX, "shortCitationTooLong").default(""),
});
export type SourceCitation = z.input<typeof ZSourceCitation>;

export const ZImportFormat = z.enum(IMPORT_FORMATS, "formatInvalid");

/** A revision: the whole new markup, and the revision it was edited from (to refuse a lost update). */
export const ZReviseSourceInput = z.object({
  markup: z.string().min(1, "sourceTextRequired").max(MAX_SOURCE_CHARS * 2, "sourceTextTooLong"),
  baseRevision: z.number().int().min(1).optional(),
});
export type ReviseSourceInput = z.input<typeof ZReviseSourceInput>;
