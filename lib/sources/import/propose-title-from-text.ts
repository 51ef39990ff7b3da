import { normalizeSourceText } from "@/lib/sources/normalize-text";
import { separateMarkdownHeadings } from "./headings";
import { readHtmlTitle } from "./html-title";
import { htmlToSourceText } from "./html-to-text";
import { proposeSourceTitle } from "./propose-title";

export type TextTitleInput = { format: "TEXT" | "MARKDOWN" | "HTML"; text: string; fileName?: string };

/**
 * The title importSourceText would propose for a text, Markdown or HTML source, worked out the
 * same way without the server: the browser fills the title field with it as soon as a file is
 * chosen or text is pasted. (PDF and Word titles need the server: see lib/sources/create-source.ts.)
 */
export function proposeTitleFromText({ format, text, fileName }: TextTitleInput): string | null {
  if (format === "HTML") {
    const markup = normalizeSourceText(htmlToSourceText(text));
    return proposeSourceTitle({ format, metadataTitles: [readHtmlTitle(text)], markup, fileName });
  }
  const markup = format === "MARKDOWN" ? normalizeSourceText(separateMarkdownHeadings(text)) : undefined;
  return proposeSourceTitle({ format, markup, fileName });
}
