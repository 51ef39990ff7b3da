import type { JSONContent } from "@tiptap/core";
import { escapeHTML, renderToHTMLString } from "@tiptap/static-renderer";
import { exportDocument, exportExtensions } from "./document";
import { footnoteParts, type ExportHeader, type ExportNote, type FootnoteParts } from "./types";

const STYLE = [
  "body{font-family:Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1d2330}",
  "blockquote{border-left:3px solid #d5d9e2;margin-left:0;padding-left:1rem}",
  ".dateline{color:#4a5163}.rule{font-style:italic}",
  "sup.footnote-ref a{text-decoration:none}",
  ".footnotes{border-top:1px solid #d5d9e2;margin-top:2rem;font-size:.9rem}",
  ".flagged{font-style:italic;color:#8a2a0a}",
].join("");

/** The note's body alone, as an HTML fragment (text escaped by the renderer). */
export function noteBodyToHtml(doc: unknown): string {
  return renderToHTMLString({ extensions: exportExtensions(), content: exportDocument(doc).toJSON() as JSONContent });
}

/** Every place the text cites footnote `number`, as back links ("↩", "↩2"…). */
function backLinks(parts: FootnoteParts, occurrences: number, header: ExportHeader): string {
  return Array.from({ length: Math.max(occurrences, 1) }, (_, index) => {
    const id = index === 0 ? `fnref-${parts.number}` : `fnref-${parts.number}-${index + 1}`;
    const label = escapeHTML(header.labels.backToText.replace("{number}", String(parts.number)));
    return `<a href="#${id}" class="footnote-back" aria-label="${label}">↩${index === 0 ? "" : `<sup>${index + 1}</sup>`}</a>`;
  }).join(" ");
}

function notesSection(note: ExportNote, body: string, header: ExportHeader): string[] {
  const parts = footnoteParts(note.footnotes, header.labels);
  if (!parts.length) return [];
  const items = parts.map((footnote) => {
    // How many markers point here: each gets its own back link.
    const occurrences = body.split(`href="#fn-${footnote.number}"`).length - 1;
    const quote = footnote.quote ? ` ${escapeHTML(footnote.quote)}` : "";
    const flag = footnote.flag ? ` <span class="flagged">${escapeHTML(footnote.flag)}</span>` : "";
    return `<li id="fn-${footnote.number}" value="${footnote.number}">${escapeHTML(footnote.text)}${quote}${flag} ${backLinks(footnote, occurrences, header)}</li>`;
  });
  return ['<section class="footnotes">', `<h2>${escapeHTML(header.labels.notes)}</h2>`, "<ol>", ...items, "</ol>", "</section>"];
}

/**
 * The resolved note as a standalone HTML page: title, date and place, the rule, the body with
 * superscript links to its footnotes, the optional methods paragraph, then the numbered "Notes"
 * with links back to where each is cited.
 */
export function noteToHtml(note: ExportNote, header: ExportHeader): string {
  const body = noteBodyToHtml(note.doc);
  return [
    "<!doctype html>",
    `<html lang="${escapeHTML(header.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHTML(header.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHTML(header.title)}</h1>`,
    ...(header.dateLine ? [`<p class="dateline">${escapeHTML(header.dateLine)}</p>`] : []),
    ...(header.rule ? [`<p class="rule">${escapeHTML(header.rule)}</p>`] : []),
    body,
    ...(header.methods ? [`<h2>${escapeHTML(header.labels.methods)}</h2>`, `<p>${escapeHTML(header.methods)}</p>`] : []),
    ...notesSection(note, body, header),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
